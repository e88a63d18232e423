/**
 * Tenant isolation probes: every root query and mutation of the schema, found by
 * introspection, is called with keys of another organization (using ids of this
 * organization's rows) and with every role the permission table leaves out. Expected:
 * not found / forbidden, no row of this organization in the answer, and no write.
 */
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPermissions } from '../packages/api/src/edge/authorize.js';
import { unmappedIdArguments } from '../packages/api/src/edge/id-arguments.js';
import { PERMISSIONS } from '../packages/api/src/edge/permissions.js';
import { schema as serverSchema } from '../packages/api/src/edge/schema.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  documentFor,
  errorCodeOf,
  idsIn,
  loadSchema,
  type RootField,
  rootFields,
  sampleVariables,
  type ValueHints,
} from './hardening-schema-walk.js';
import { ROLE_KEYS, tenantIds, tenantState } from './hardening-tenant-state.js';

let kit: TestKit;
let owner: TestTenant;
let other: TestTenant;
let schema: GraphQLSchema;
let ownerIds: Map<string, string[]>;
let allOwnerIds: Set<string>;
let hints: ValueHints;

/** Roles the permission table gives a root field (every root field has an entry). */
function declaredRoles(root: RootField): readonly string[] | null {
  const table = root.operation === 'query' ? PERMISSIONS.root.Query : PERMISSIONS.root.Mutation;
  return table[root.name] ?? null;
}

function hintsFor(ids: Map<string, string[]>, queueSlug: string, probeKeyId?: string): ValueHints {
  return {
    now: new Date(),
    idFor(model) {
      if (model === 'ApiKey' && probeKeyId) return probeKeyId;
      const caseId = ids.get('Case')?.[0] ?? null;
      // node(id)/nodes(ids) take Relay global ids
      if (model === 'Node' && caseId) return Buffer.from(`Case:${caseId}`).toString('base64');
      return ids.get(model)?.[0] ?? caseId;
    },
    stringFor(path) {
      const leaf = path.split('.').pop() ?? '';
      if (/email/i.test(leaf)) return 'probe@example.com';
      if (leaf === 'queue') return queueSlug;
      if (leaf === 'customerRef') return 'member-probe';
      return undefined;
    },
  };
}

/** Ids of rows in the answer's data (AppError results excluded: they carry no rows). */
function dataIds(data: unknown): Set<string> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      if ((value as { __typename?: string }).__typename === 'AppError') return null;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item)]));
    }
    return value;
  };
  return idsIn(strip(data));
}

beforeAll(async () => {
  kit = await createTestKit();
  owner = await kit.createTenant('care');
  other = await kit.createTenant('care');
  schema = await loadSchema(owner.as('admin'));
  // rows for the probes to aim at: a case, and whatever each mutation creates for its roles
  await owner.as('agent')(
    'mutation { createCase(input: { subject: "Probe target", customerRef: "member-1" }) { __typename } }',
  );
  const queue = await kit.db.queue.findFirstOrThrow({ where: { tenantId: owner.tenantId } });
  const seedHints = hintsFor(await tenantIds(kit.db, owner.tenantId), queue.slug);
  // destructive mutations would revoke or delete the rows the probes aim at
  const creating = rootFields(schema).filter(
    (field) => field.operation === 'mutation' && !/^(revoke|rotate|delete|remove)/.test(field.name),
  );
  for (const root of creating) {
    const roles = declaredRoles(root) ?? ['tier2', 'admin'];
    for (const role of roles.filter((candidate) => owner.keys[candidate])) {
      await owner.as(role)(documentFor(root), sampleVariables(root, seedHints));
    }
  }
  ownerIds = await tenantIds(kit.db, owner.tenantId);
  allOwnerIds = new Set([...ownerIds.values()].flat());
  // probes that rotate or revoke aim at a key of their own, not at the keys the test uses
  const probeKey = await kit.db.apiKey.findFirstOrThrow({
    where: { tenantId: owner.tenantId, name: { startsWith: 'probe' } },
  });
  hints = hintsFor(ownerIds, queue.slug, probeKey.id);
});

afterAll(async () => {
  await kit?.close();
});

describe('tenant isolation probes over the whole schema', () => {
  it('X-5 the walk covers every root field, including createCase, case and cases', () => {
    const names = rootFields(schema).map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['case', 'cases', 'createCase', 'createApiKey']));
    expect(allOwnerIds.size).toBeGreaterThan(5);
  });

  it('X-5 a key of another organization finds nothing of this one and writes nothing to it', async () => {
    const problems: string[] = [];
    const answers = new Map<string, number>();
    for (const root of rootFields(schema)) {
      const before = await tenantState(kit.db, owner.tenantId);
      const variables = sampleVariables(root, hints);
      const aimedAtOwner = [...idsIn(variables)].some((id) => allOwnerIds.has(id));
      for (const role of ROLE_KEYS) {
        const response = await other.as(role)(documentFor(root), variables);
        if (response.status >= 500) problems.push(`${root.name} as ${role}: HTTP ${response.status}`);
        const leaked = [...dataIds(response.data)].filter((id) => allOwnerIds.has(id));
        if (leaked.length)
          problems.push(`${root.name} as ${role}: returned ${leaked.length} row(s) of the other organization`);
        const code = errorCodeOf(response, root.name);
        answers.set(code ?? 'data', (answers.get(code ?? 'data') ?? 0) + 1);
        if (code === 'INTERNAL_SERVER_ERROR') problems.push(`${root.name} as ${role}: unexpected error`);
        if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_ERROR') {
          // the probe must reach the resolver: its document and variables have to be valid
          const message = response.errors?.[0]?.message ?? '';
          problems.push(`${root.name} as ${role}: probe did not run (${code}: ${message.slice(0, 120)})`);
        }
        if (aimedAtOwner && code && !['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'].includes(code)) {
          const detail = JSON.stringify(response.errors?.[0]?.message ?? response.data).slice(0, 160);
          problems.push(`${root.name} as ${role}: answered ${code} for another organization's id (${detail})`);
        }
      }
      const after = await tenantState(kit.db, owner.tenantId);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        const changed = Object.keys(before.tables).filter((table) => before.tables[table] !== after.tables[table]);
        problems.push(`${root.name}: changed ${changed.join(', ')} of the other organization`);
      }
    }
    console.info(`isolation probes: ${JSON.stringify([...answers.entries()])}`);
    expect(problems).toEqual([]);
  });

  it('X-5 roles outside a field’s declared scopes get FORBIDDEN and change nothing', async () => {
    const problems: string[] = [];
    let probed = 0;
    for (const root of rootFields(schema)) {
      const allowed = declaredRoles(root);
      if (!allowed) continue;
      const before = await tenantState(kit.db, owner.tenantId);
      for (const role of ROLE_KEYS.filter((candidate) => !allowed.includes(candidate))) {
        const response = await owner.as(role)(documentFor(root), sampleVariables(root, hints));
        probed += 1;
        const code = errorCodeOf(response, root.name);
        if (code !== 'FORBIDDEN') problems.push(`${root.name} as ${role}: expected FORBIDDEN, got ${code ?? 'data'}`);
      }
      const after = await tenantState(kit.db, owner.tenantId);
      if (JSON.stringify(after) !== JSON.stringify(before))
        problems.push(`${root.name}: a forbidden role changed data`);
    }
    expect(probed).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

/** The answer was the permission table's refusal of this very field (not a service's rule). */
function refusedByTable(response: { data?: unknown; errors?: unknown[] }, coordinate: string): boolean {
  const results = [
    ...Object.values((response.data as Record<string, unknown> | null | undefined) ?? {}),
    ...(response.errors ?? []).map((error) => (error as { extensions?: unknown }).extensions),
  ];
  return results.some((result) => {
    const details = (result as { details?: { field?: string } } | null)?.details;
    return details?.field === coordinate;
  });
}

const TYPE_OF_TABLE: Record<string, string> = { Tenant: 'Organization' };

describe('the permission table, role by role (X-5)', () => {
  it('names every root field and every node type, and types every id argument', () => {
    expect(missingPermissions(serverSchema, PERMISSIONS)).toEqual([]);
    expect(unmappedIdArguments(serverSchema)).toEqual([]);
  });

  it('lets every role the table lists through every root field', async () => {
    const problems: string[] = [];
    let probed = 0;
    for (const root of rootFields(schema)) {
      const allowed = declaredRoles(root) ?? [];
      const coordinate = `${root.operation === 'query' ? 'Query' : 'Mutation'}.${root.name}`;
      for (const role of allowed) {
        const response = await owner.as(role)(documentFor(root), sampleVariables(root, hints));
        probed += 1;
        if (refusedByTable(response, coordinate)) problems.push(`${coordinate} as ${role}: refused`);
      }
    }
    expect(probed).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });

  it('answers node(id) for every node type exactly as the table says, for every role', async () => {
    // the restricted types the sample mutations may not have created
    // written directly: registering a URL resolves it (outbound checks), and this test sends nothing anywhere
    await kit.db.webhookEndpoint.create({
      data: {
        tenantId: owner.tenantId,
        url: 'https://hooks.example.test/escalate',
        channels: ['WEBHOOK'],
        secret: 'whsec_probe-secret-0123456789',
      },
    });
    await owner.as('integration')(
      'mutation { upsertCustomer(input: { externalRef: "member-pr", signInMethods: [password], email: "pr@example.test" }) { __typename } }',
    );
    const prCase = await owner.as('agent')<{ createCase: { case: { id: string } } }>(
      'mutation { createCase(input: { subject: "Privacy", customerRef: "member-pr" }) { ... on CreateCasePayload { case { id } } } }',
    );
    await owner.as('privacy')(
      'mutation ($caseId: ID!) { createPrivacyRequest(input: { caseId: $caseId, type: ACCESS_DATA }) { __typename } }',
      {
        caseId: prCase.data?.createCase.case.id,
      },
    );
    ownerIds = await tenantIds(kit.db, owner.tenantId);
    const nodeTypes = Object.keys(PERMISSIONS.types);
    const samples = new Map<string, string>([['Organization', owner.tenantId]]);
    for (const [table, ids] of ownerIds) {
      const type = TYPE_OF_TABLE[table] ?? table;
      if (nodeTypes.includes(type) && ids[0]) samples.set(type, ids[0]);
    }
    // the mutations above created rows of most node types, and of every restricted one
    const required = ['ApiKey', 'WebhookEndpoint', 'OutboxMessage', 'PrivacyRequest', 'Case', 'Organization'];
    expect(required.filter((type) => !samples.has(type))).toEqual([]);
    expect(samples.size).toBeGreaterThanOrEqual(14);
    const problems: string[] = [];
    for (const [type, rowId] of samples) {
      const globalId = Buffer.from(`${type}:${rowId}`).toString('base64');
      for (const role of ROLE_KEYS) {
        const response = await owner.as(role)<{ node: { id: string } | null; nodes: ({ id: string } | null)[] }>(
          'query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }',
          { id: globalId },
        );
        const visible = (PERMISSIONS.types[type] ?? []).includes(role);
        const answer = response.data?.node ?? null;
        if (response.errors) problems.push(`${type} as ${role}: ${JSON.stringify(response.errors)}`);
        else if (visible && answer?.id !== globalId) problems.push(`${type} as ${role}: expected the object, got null`);
        else if (!visible && answer !== null) problems.push(`${type} as ${role}: expected null, got the object`);
        else if (JSON.stringify(response.data?.nodes) !== JSON.stringify([answer])) {
          problems.push(`${type} as ${role}: nodes disagrees with node`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers a missing, a foreign and a malformed id the same way on case, node and nodes', async () => {
    const foreignCase = await other.as('agent')<{ createCase: { case: { id: string } } }>(
      'mutation { createCase(input: { subject: "Foreign", customerRef: "member-x" }) { ... on CreateCasePayload { case { id } } } }',
    );
    const foreignId = foreignCase.data?.createCase.case.id ?? '';
    const missingId = Buffer.from('Case:00000000-0000-4000-8000-000000000000').toString('base64');
    const ownId = Buffer.from(`Case:${ownerIds.get('Case')?.[0]}`).toString('base64');
    const foreignOrganization = Buffer.from(`Organization:${other.tenantId}`).toString('base64');
    for (const id of [foreignId, missingId, foreignOrganization]) {
      const response = await owner.as('admin')<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(response, id).toEqual({ status: 200, data: { node: null } });
    }
    for (const id of [foreignId, missingId]) {
      const response = await owner.as('admin')('query ($id: ID!) { case(id: $id) { id } }', { id });
      expect(response).toEqual({ status: 200, data: { case: null } });
    }
    const mixed = await owner.as('admin')<{ nodes: unknown[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [ownId, foreignId, 'garbage', missingId],
    });
    expect(mixed.data?.nodes).toEqual([{ id: ownId }, null, null, null]);
    expect(mixed.errors?.map((error) => (error as { message: string }).message)).toEqual([
      'ids.2 is not a valid global id',
    ]);
    const malformed = await owner.as('admin')('query { case(id: "garbage") { id } }');
    expect(errorCodeOf(malformed, 'case')).toBe('VALIDATION_FAILED');
    const wrongType = await owner.as('admin')('query ($id: ID!) { case(id: $id) { id } }', {
      id: foreignOrganization,
    });
    expect(JSON.stringify(wrongType.errors)).toContain('is a Organization id; expected a Case id');
  });
});
