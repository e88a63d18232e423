import { AppError } from '../errors/app-error.js';

export const MAX_PAGE_SIZE = 100;

/** Connections return at most 100 nodes a page; asking for more is an error, not a silent cut. */
export function assertPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value !== null && value !== undefined && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new AppError('VALIDATION_FAILED', `${name} must be between 0 and ${MAX_PAGE_SIZE}`, {
        fields: [{ path: name, message: `between 0 and ${MAX_PAGE_SIZE}` }],
      });
    }
  }
}
