/**
 * Tenant isolation probes: every root query and mutation of the schema, found by
 * introspection, is called with keys of another organization (using ids of this
 * organization's rows) and with every role the permission table leaves out. Expected:
 * not found / forbidden, no row of this organization in the answer, and no write.
 */
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../packages/api/src/edge/permissions.js';
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
