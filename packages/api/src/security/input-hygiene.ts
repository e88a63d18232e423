import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** PostgreSQL text cannot hold NUL; refuse it at the edge instead of failing deep in a write. */
const NUL = '\u0000';

function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (depth > 50) return null;
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = nulPath(value[index], `${path}.${index}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${key}`;
      const found = nulPath(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses NUL characters anywhere in the variables, or as an escape in the document
 * (`\u0000`), with a typed VALIDATION_FAILED naming the path.
 */
export function inputHygienePlugin(): Plugin {
  return {
    onParams({ params, setResult }) {
      const path = nulPath(params.variables ?? {}, 'variables');
      const inDocument =
        typeof params.query === 'string' && (params.query.includes(NUL) || /\\u0000/i.test(params.query));
      if (!path && !inDocument) return;
      const where = path ?? 'query';
      setResult({
        errors: [
          new GraphQLError(`${where} contains a NUL character, which is not allowed in text`, {
            extensions: {
              code: 'VALIDATION_FAILED',
              fields: [{ path: where, message: 'NUL characters are not allowed' }],
              http: { status: 400 },
            },
          }),
        ],
      });
    },
  };
}
