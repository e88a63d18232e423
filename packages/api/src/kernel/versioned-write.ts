import { AppError } from '../errors/app-error.js';

/**
 * The one concurrency guard. A versioned record is written only if it is still at the
 * version the caller read; otherwise the answer is one CONFLICT shape that names the record,
 * the version the caller sent and the version on file, so a client can reload and decide.
 */
export type VersionedRecord = 'Case' | 'Task' | 'Review';

const LABEL: Record<VersionedRecord, string> = { Case: 'case', Task: 'task', Review: 'review' };

export function versionConflict(
  record: VersionedRecord,
  expectedVersion: number,
  currentVersion: number,
  path = 'input.expectedVersion',
): AppError {
  return new AppError(
    'CONFLICT',
    `The ${LABEL[record]} is at version ${currentVersion}, not ${expectedVersion} as sent; reload it and retry with version ${currentVersion}`,
    {
      rule: 'X-4',
      details: { record, expectedVersion, currentVersion },
      fields: [{ path, message: `stale version ${expectedVersion}; current is ${currentVersion}` }],
    },
  );
}

/** Fails fast when the caller based the change on another version than the one read now. */
export function assertVersion(
  record: VersionedRecord,
  current: { version: number },
  expectedVersion: number,
  path?: string,
): void {
  if (current.version !== expectedVersion) throw versionConflict(record, expectedVersion, current.version, path);
}

/**
 * Runs a conditional update (`WHERE id = … AND version = expected`, incrementing the version)
 * and, when it matched nothing, reads the version on file to say why. Under concurrency
 * exactly one writer wins.
 */
export async function writeVersioned(
  record: VersionedRecord,
  expectedVersion: number,
  update: () => Promise<{ count: number }>,
  currentVersion: () => Promise<number | null>,
  path?: string,
): Promise<number> {
  const result = await update();
  if (result.count > 0) return expectedVersion + 1;
  const current = await currentVersion();
  if (current === null) throw AppError.notFound(record);
  throw versionConflict(record, expectedVersion, current, path);
}

/** For records guarded by their state rather than a version: someone else changed it first. */
export function changedMeanwhile(record: string): AppError {
  return new AppError('CONFLICT', `The ${record} changed while this request ran; reload it and retry`, {
    rule: 'X-4',
    details: { record },
  });
}
