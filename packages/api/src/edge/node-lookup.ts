import type { GraphQLResolveInfo } from 'graphql';
import { AppError } from '../errors/app-error.js';

interface DecodedGlobalId {
  typename: string;
  id: string;
}

function nodeTypeNames(info: GraphQLResolveInfo): Set<string> {
  const nodeInterface = info.schema.getType('Node');
  if (!nodeInterface || !('getInterfaces' in nodeInterface)) return new Set();
  return new Set(info.schema.getPossibleTypes(nodeInterface as never).map((type) => type.name));
}

function invalidId(path: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path} is not a valid global id`, {
    fields: [{ path, message: 'expected the id of an object of this API' }],
  });
}

/**
 * `node(id)` and `nodes(ids)`: each id answers on its own. A malformed id, or one naming no
 * type of this API, is VALIDATION_FAILED at its position (`ids.2`); a missing id, or one of
 * another organization, is null at its position; the others load as usual. (Pothos' loader
 * reads the decoded ids from the field's arguments when it is called, so each valid id is put
 * back there before its load starts.)
 */
export async function resolveNodeIds(
  ids: readonly DecodedGlobalId[],
  argName: 'id' | 'ids',
  info: GraphQLResolveInfo,
  args: { id?: unknown; ids?: unknown },
  load: () => unknown,
): Promise<unknown[]> {
  const known = nodeTypeNames(info);
  const valid: DecodedGlobalId[] = [];
  const positions: number[] = [];
  ids.forEach((decoded, index) => {
    if (decoded.typename !== '' && known.has(decoded.typename)) {
      valid.push(decoded);
      positions.push(index);
    }
  });
  const answers: unknown[] = ids.map((_decoded, index) => invalidId(argName === 'ids' ? `ids.${index}` : 'id'));
  // one load per id: a missing row makes the loader throw, and that must cost only its position
  const loads = valid.map((decoded) => {
    if (argName === 'ids') args.ids = [decoded];
    else args.id = decoded;
    return Promise.resolve(load()).then((value) => (argName === 'ids' ? (value as unknown[])[0] : value));
  });
  const settled = await Promise.allSettled(loads);
  settled.forEach((outcome, slot) => {
    const position = positions[slot] ?? 0;
    if (outcome.status === 'fulfilled') answers[position] = outcome.value ?? null;
    else answers[position] = isNotFound(outcome.reason) ? null : outcome.reason;
  });
  return answers;
}

function isNotFound(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'NOT_FOUND';
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'P2025' || (error instanceof Error && /not found/i.test(error.message));
}
