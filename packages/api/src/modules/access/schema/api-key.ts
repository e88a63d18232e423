import { z } from 'zod';
import { generateApiKey } from '../../../auth/api-keys.js';
import type { Context } from '../../../context.js';
import { builder } from '../../../edge/builder.js';
import { AppError } from '../../../errors/app-error.js';
import { parseInput } from '../../../errors/zod-error.js';
import { runIdempotent } from '../../../kernel/idempotency.js';
import type { TenantTransaction } from '../../../kernel/transaction.js';
import { assertApiKeyQuota } from '../../../limits/api-key-quota.js';
import { apiKeyPepperFor } from '../../../security/api-key-pepper.js';

builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  description: 'An API key of your organization. Only a hash of the key is stored; the key itself is shown once.',
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'the public part of the key (esk_<prefix>_…), to recognize it' }),
    active: t.boolean({ select: { revokedAt: true }, resolve: (key) => key.revokedAt === null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    user: t.relation('user'),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    description: 'API keys of your organization, newest first (admin only)',
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.db.apiKey.findMany({
        ...query,
        where: args.includeRevoked ? {} : { revokedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 500,
      }),
  }),
);

interface IssuedKey {
  apiKeyId: string;
  /** the key in clear: only in the response to the request that created it, never stored */
  key: string | null;
  revokedApiKeyId?: string | null;
}

const IssuedKeyFields = (name: string, description: string) =>
  builder.objectRef<IssuedKey>(name).implement({
    description,
    fields: (t) => ({
      apiKey: t.prismaField({
        type: 'ApiKey',
        resolve: (query, payload, _args, context) =>
          context.db.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
      }),
      key: t.string({
        nullable: true,
        description:
          'The new key. Shown once: store it now. Null when an idempotent repeat returns the earlier result.',
        resolve: (payload) => payload.key,
      }),
    }),
  });

const CreateApiKeyPayload = IssuedKeyFields('CreateApiKeyPayload', 'A new API key');
const RotateApiKeyPayload = IssuedKeyFields('RotateApiKeyPayload', 'The replacement key; the old one is revoked');
builder.objectFields(RotateApiKeyPayload, (t) => ({
  revokedApiKey: t.prismaField({
    type: 'ApiKey',
    resolve: (query, payload, _args, context) =>
      context.db.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.revokedApiKeyId ?? '' } }),
  }),
}));
const RevokeApiKeyPayload = builder.objectRef<{ apiKeyId: string }>('RevokeApiKeyPayload').implement({
  fields: (t) => ({
    apiKey: t.prismaField({
      type: 'ApiKey',
      resolve: (query, payload, _args, context) =>
        context.db.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
    }),
  }),
});

const ZName = z.string().trim().min(1, 'is required').max(200);
const ZIdempotencyKey = z.string().min(1).max(200).nullish();
const ZCreateApiKeyInput = z.object({
  name: ZName,
  userId: z.string().max(200).nullish(),
  idempotencyKey: ZIdempotencyKey,
});
const ZApiKeyIdInput = z.object({ id: z.string().max(200), idempotencyKey: ZIdempotencyKey });

async function issueKey(tx: TenantTransaction, context: Context, userId: string, name: string) {
  const generated = generateApiKey(apiKeyPepperFor(context.rootDb));
  const row = await tx.apiKey.create({
    data: { tenantId: context.viewer.tenantId, userId, name, prefix: generated.prefix, hash: generated.hash },
    select: { id: true },
  });
  context.log.info({ apiKeyId: row.id, prefix: generated.prefix }, 'api key issued');
  return { apiKeyId: row.id, key: generated.key };
}

async function findKey(tx: TenantTransaction, id: string) {
  const row = await tx.apiKey.findFirst({
    where: { id },
    select: { id: true, userId: true, name: true, revokedAt: true },
  });
  if (!row) throw AppError.notFound('API key');
  return row;
}

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'what the key is for, e.g. "CRM integration"' }),
    userId: t.id({ description: 'the user the key acts as (default: you)' }),
    idempotencyKey: t.string(),
  }),
});
const ApiKeyIdInput = builder.inputType('ApiKeyIdInput', {
  fields: (t) => ({ id: t.id({ required: true }), idempotencyKey: t.string() }),
});

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    errors: {},
    description: 'Creates an API key (admin only). The key is in the response once and never again.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = parseInput(ZCreateApiKeyInput, args.input);
      const userId = input.userId ? input.userId : context.viewer.userId;
      let key: string | null = null;
      const stored = await runIdempotent(context, 'createApiKey', input, input.idempotencyKey, async (tx) => {
        const user = await tx.user.findFirst({ where: { id: userId }, select: { id: true } });
        if (!user) {
          throw new AppError('NOT_FOUND', 'User not found', {
            fields: [{ path: 'input.userId', message: 'no such user in your organization' }],
          });
        }
        await assertApiKeyQuota(context.rootDb, () => tx.apiKey.count({ where: { revokedAt: null } }));
        const issued = await issueKey(tx, context, userId, input.name);
        key = issued.key;
        return { apiKeyId: issued.apiKeyId };
      });
      return { apiKeyId: stored.apiKeyId, key };
    },
  }),
  rotateApiKey: t.field({
    type: RotateApiKeyPayload,
    errors: {},
    description: 'Revokes a key and issues its replacement for the same user and name (admin only)',
    args: { input: t.arg({ type: ApiKeyIdInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = parseInput(ZApiKeyIdInput, args.input);
      const id = input.id;
      let key: string | null = null;
      const stored = await runIdempotent(context, 'rotateApiKey', input, input.idempotencyKey, async (tx) => {
        const old = await findKey(tx, id);
        if (old.revokedAt) throw new AppError('INVALID_TRANSITION', 'This API key is already revoked');
        await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: context.now } });
        const issued = await issueKey(tx, context, old.userId, old.name);
        key = issued.key;
        return { apiKeyId: issued.apiKeyId, revokedApiKeyId: id };
      });
      return { ...stored, key };
    },
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    errors: {},
    description: 'Revokes a key (admin only); it stops working within seconds. Revoking twice is harmless.',
    args: { input: t.arg({ type: ApiKeyIdInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = parseInput(ZApiKeyIdInput, args.input);
      const id = input.id;
      return runIdempotent(context, 'revokeApiKey', input, input.idempotencyKey, async (tx) => {
        await findKey(tx, id);
        await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: context.now } });
        context.log.info({ apiKeyId: id }, 'api key revoked');
        return { apiKeyId: id };
      });
    },
  }),
}));
