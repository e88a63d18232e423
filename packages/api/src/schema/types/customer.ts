import type { Role } from '../../auth/roles.js';
import { type UpsertCustomerResult, upsertCustomer } from '../../services/customer-service.js';
import { builder } from '../builder.js';
import { parseIdOrNull } from '../global-id.js';

const CUSTOMER_WRITERS: readonly Role[] = ['admin', 'integration', 'tier2', 'privacy'];

builder.prismaNode('Customer', {
  id: { field: 'id' },
  description: 'A member of your organization',
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', { description: "the member's id in your systems" }),
    email: t.exposeString('email', { nullable: true }),
    legalName: t.exposeString('legalName', { nullable: true }),
    preferredName: t.exposeString('preferredName', {
      nullable: true,
      description: 'the name to address the member by (CARE-G2)',
    }),
    addressAs: t.string({
      description: 'the name replies use: the preferred name when set (CARE-G2)',
      select: { preferredName: true, legalName: true, externalRef: true },
      resolve: (row) => row.preferredName ?? row.legalName ?? row.externalRef,
    }),
    signInMethods: t.exposeStringList('signInMethods'),
    brand: t.exposeString('brand', { nullable: true }),
    rmaCount: t.exposeInt('rmaCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Case', 'customer', (t) =>
  t.relation('customer', { nullable: true, description: 'the member the case is about, when known' }),
);

builder.queryField('customer', (t) =>
  t.prismaField({
    type: 'Customer',
    nullable: true,
    args: { id: t.arg.id(), externalRef: t.arg.string() },
    description: 'A member by id or by your reference',
    resolve: (query, _root, args, context) => {
      if (args.id) {
        const id = parseIdOrNull(String(args.id), 'Customer');
        return id ? context.db.customer.findUnique({ ...query, where: { id } }) : null;
      }
      if (args.externalRef)
        return context.db.customer.findFirst({ ...query, where: { externalRef: args.externalRef } });
      return null;
    },
  }),
);

const SignInMethodEnum = builder.enumType('SignInMethod', {
  values: ['password', 'google', 'apple', 'facebook', 'sso'] as const,
});

const UpsertCustomerInput = builder.inputType('UpsertCustomerInput', {
  fields: (t) => ({
    externalRef: t.string({ required: true }),
    email: t.string(),
    legalName: t.string(),
    preferredName: t.string(),
    signInMethods: t.field({ type: [SignInMethodEnum] }),
    brand: t.string(),
    rmaCount: t.int(),
    idempotencyKey: t.string(),
  }),
});

const UpsertCustomerPayload = builder.objectRef<UpsertCustomerResult>('UpsertCustomerPayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created'),
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, payload, _args, context) =>
        context.db.customer.findUniqueOrThrow({ ...query, where: { id: payload.customerId } }),
    }),
  }),
});

builder.mutationField('upsertCustomer', (t) =>
  t.field({
    type: UpsertCustomerPayload,
    errors: {},
    description: 'Creates or updates a member by your reference (integrations, admins, Tier 2, privacy staff)',
    authScopes: { role: CUSTOMER_WRITERS },
    args: { input: t.arg({ type: UpsertCustomerInput, required: true }) },
    resolve: (_root, args, context) => upsertCustomer(context, args.input),
  }),
);
