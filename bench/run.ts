/**
 * `pnpm bench` (after the rules benchmark): the API benchmark on the embedded database, the
 * write benchmark (createCase scaling, bulk import, escalateCase statements) and the API
 * benchmark with the 60 s memory run on a durable throwaway PostgreSQL, the read benchmark
 * against PostGraphile and a hand-written pg handler, then the 1M-case scale benchmark (deep
 * pages, search).
 * BENCH_QUICK=1 shortens everything (smoke run).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benchDir } from './processes.js';

const root = path.resolve(benchDir, '..');
const quick = process.env.BENCH_QUICK === '1';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  BENCH_SECONDS: process.env.BENCH_SECONDS ?? (quick ? '2' : '5'),
  BENCH_MEMORY_SECONDS: process.env.BENCH_MEMORY_SECONDS ?? (quick ? '5' : '60'),
  BENCH_SCALE_CASES: process.env.BENCH_SCALE_CASES ?? (quick ? '20000' : '1000000'),
  BENCH_IMPORT_CASES: process.env.BENCH_IMPORT_CASES ?? (quick ? '2000' : '10000'),
};
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;

// write figures come from a durable server (fsync and synchronous_commit on)
const durable = { ESCALATE_PG_FSYNC: 'on' };
const steps: [string, string[], NodeJS.ProcessEnv][] = [
  ['npx', ['tsx', 'bench/api-bench.ts'], { BENCH_MEMORY_SECONDS: '0' }],
  ['scripts/with-postgres.sh', ['npx', 'tsx', 'bench/write-bench.ts'], durable],
  ['scripts/with-postgres.sh', ['npx', 'tsx', 'bench/api-bench.ts'], durable],
  ['scripts/with-postgres.sh', ['npx', 'tsx', 'bench/peer-bench.ts'], durable],
  ['scripts/with-postgres.sh', ['npx', 'tsx', 'bench/scale-bench.ts'], {}],
];
let failed = false;
for (const [command, args, extra] of steps) {
  const stepEnv = { ...env, ...extra };
  const result = spawnSync(command, args, { cwd: root, env: stepEnv, stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    console.error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
}
process.exit(failed ? 1 : 0);
