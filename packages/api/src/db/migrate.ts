import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above `start` that holds prisma.config.ts. */
function findRepositoryRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'prisma.config.ts'))) return directory;
    if (path.dirname(directory) === directory) throw new Error(`no prisma.config.ts above ${start}`);
  }
}

/**
 * Repository root (where prisma.config.ts and prisma/migrations live), found from this module's
 * location: src/db/ when run from source, dist/ when run from the production build.
 */
export const repositoryRoot = findRepositoryRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Applies pending migrations with `prisma migrate deploy` (the committed SQL, never a diff). */
export async function migrateDatabase(databaseUrl: string): Promise<string> {
  const require = createRequire(path.join(repositoryRoot, 'package.json'));
  const cli = require.resolve('prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}
