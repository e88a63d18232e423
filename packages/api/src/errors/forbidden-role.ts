import type { AuthFailure, ForbiddenResult } from '@pothos/plugin-scope-auth';
import { AppError } from './app-error.js';

/** The roles a failed `{ role: [...] }` scope check would have accepted. */
function allowedRoles(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(allowedRoles);
  if ('scope' in failure && failure.scope === 'role' && 'parameter' in failure && Array.isArray(failure.parameter)) {
    return failure.parameter.filter((role): role is string => typeof role === 'string');
  }
  return [];
}

/**
 * FORBIDDEN for a role check that says which roles may do it, so whoever is refused knows
 * whom to hand the step to.
 */
export function forbiddenForRole(role: string, fieldName: string, result: ForbiddenResult): AppError {
  const allowed = [...new Set(allowedRoles(result.failure))];
  const who = allowed.length > 0 ? `; ${fieldName} is for ${allowed.join(', ')}` : '';
  return new AppError('FORBIDDEN', `The role ${role} may not do this${who}`, {
    details: { field: fieldName, role, allowedRoles: allowed },
  });
}
