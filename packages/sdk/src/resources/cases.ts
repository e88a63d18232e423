import {
  type CaseFieldsFragment,
  type CaseFilter,
  CreateCaseDocument,
  type CreateCaseInput,
  GetCaseDocument,
  ListCasesDocument,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import { type ListOptions, type Page, PageIterator, toPage } from '../client/pagination.js';
import type { RequestOptions, Transport } from '../client/transport.js';
import { NotFoundError } from '../errors/escalate-error.js';

export type Case = CaseFieldsFragment;

export interface ListCasesOptions extends ListOptions {
  filter?: CaseFilter;
}

export interface ListCasesPageOptions {
  filter?: CaseFilter;
  /** 1–100; default 20 */
  first?: number;
  after?: string | null;
}

export interface CreateCaseResult {
  case: Case;
  /** false when an open case for the same customer and concern was returned instead (SOL-2) */
  created: boolean;
}

export function casesResource(transport: Transport) {
  const listPage = async (options: ListCasesPageOptions = {}, request?: RequestOptions): Promise<Page<Case>> => {
    const data = await transport.execute(
      ListCasesDocument,
      { filter: options.filter ?? null, first: options.first ?? 20, after: options.after ?? null },
      request,
    );
    return toPage(data.cases);
  };

  return {
    /** A case by id (global or UUID); throws `NotFoundError` when your organization has none. */
    async get(id: string, request?: RequestOptions): Promise<Case> {
      const data = await transport.execute(GetCaseDocument, { id }, request);
      if (!data.case) {
        throw new NotFoundError({ code: 'NOT_FOUND', message: `Case ${id} not found`, operationName: 'GetCase' });
      }
      return data.case;
    },

    /** A case by id, or null when there is none. */
    async find(id: string, request?: RequestOptions): Promise<Case | null> {
      const data = await transport.execute(GetCaseDocument, { id }, request);
      return data.case;
    },

    /** One page, newest first, with `pageInfo` for the next call. */
    listPage,

    /** Every matching case, newest first, fetched page by page as you iterate. */
    list(options: ListCasesOptions = {}, request?: RequestOptions): PageIterator<Case> {
      const { filter, ...listOptions } = options;
      return new PageIterator(({ first, after }) => listPage({ filter, first, after }, request), listOptions);
    },

    /** Opens a case; with the same idempotency key a repeat returns the first result. */
    async create(input: CreateCaseInput, request?: RequestOptions): Promise<CreateCaseResult> {
      const payload = await payloadOf(
        mutate(transport, CreateCaseDocument, { input }, request),
        'createCase',
        'CreateCase',
      );
      return { case: payload.case, created: payload.created };
    },
  };
}

export type CasesResource = ReturnType<typeof casesResource>;
