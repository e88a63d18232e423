import {
  EditReviewDocument,
  type EditReviewInput,
  EscalateReviewRequestDocument,
  type EscalateReviewRequestInput,
  type EscalateReviewRequestMutation,
  GetReviewDocument,
  type GetReviewQuery,
  ImportReviewDocument,
  type ImportReviewInput,
  ListReviewsDocument,
  RemoveReviewDocument,
  type RemoveReviewInput,
  type ReviewFieldsFragment,
  type ReviewStatus,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import { type ListOptions, type Page, PageIterator, toPage } from '../client/pagination.js';
import type { Success } from '../client/payload.js';
import type { RequestOptions, Transport } from '../client/transport.js';
import { NotFoundError } from '../errors/escalate-error.js';

export type Review = ReviewFieldsFragment;
export type ReviewWithHistory = NonNullable<GetReviewQuery['review']>;
export type ReviewEscalation = Success<EscalateReviewRequestMutation['escalateReviewRequest']>;

/** Reviews from the review platform: Tier 1 escalates requests, Tier 2 edits or removes. */
export function reviewsResource(transport: Transport) {
  const listPage = async (
    options: { status?: ReviewStatus[]; first?: number; after?: string | null } = {},
    request?: RequestOptions,
  ): Promise<Page<Review>> => {
    const data = await transport.execute(
      ListReviewsDocument,
      { status: options.status ?? null, first: options.first ?? 20, after: options.after ?? null },
      request,
    );
    return toPage(data.reviews);
  };
  return {
    /** A review with its revision history; `NotFoundError` when there is none. */
    async get(id: string, request?: RequestOptions): Promise<ReviewWithHistory> {
      const data = await transport.execute(GetReviewDocument, { id }, request);
      if (!data.review)
        throw new NotFoundError({ code: 'NOT_FOUND', message: `Review ${id} not found`, operationName: 'GetReview' });
      return data.review;
    },
    listPage,
    list(options: ListOptions & { status?: ReviewStatus[] } = {}, request?: RequestOptions): PageIterator<Review> {
      const { status, ...listOptions } = options;
      return new PageIterator(({ first, after }) => listPage({ status, first, after }, request), listOptions);
    },
    /** Adds a review from the review platform (integrations and admins). */
    async import(input: ImportReviewInput, request?: RequestOptions): Promise<Review> {
      const pending = mutate(transport, ImportReviewDocument, { input }, request);
      return (await payloadOf(pending, 'importReview', 'ImportReview')).review;
    },
    /** Tier 1 escalates a review edit or removal request to Tier 2. */
    escalateRequest(input: EscalateReviewRequestInput, request?: RequestOptions): Promise<ReviewEscalation> {
      return payloadOf(
        mutate(transport, EscalateReviewRequestDocument, { input }, request),
        'escalateReviewRequest',
        'EscalateReviewRequest',
      );
    },
    /** Tier 2 edits an approved or edited review. */
    async edit(input: EditReviewInput, request?: RequestOptions): Promise<Review> {
      const pending = mutate(transport, EditReviewDocument, { input }, request);
      return (await payloadOf(pending, 'editReview', 'EditReview')).review;
    },
    /** Tier 2 removes a review: REJECTED, permanently. */
    async remove(input: RemoveReviewInput, request?: RequestOptions): Promise<Review> {
      const pending = mutate(transport, RemoveReviewDocument, { input }, request);
      return (await payloadOf(pending, 'removeReview', 'RemoveReview')).review;
    },
  };
}
