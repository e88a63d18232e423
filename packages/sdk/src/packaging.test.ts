import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkTestEnv, startSdkTestEnv } from './testing/sdk-test-env.js';

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(sdkDir, '../..');

let env: SdkTestEnv;
let work: string;

beforeAll(async () => {
  env = await startSdkTestEnv('care');
  work = await mkdtemp(join(tmpdir(), 'escalate-sdk-consumer-'));
}, 60_000);

afterAll(async () => {
  await env?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('installs in an empty project; a TypeScript script using it type-checks and runs against the server', async () => {
    const packed = await run('pnpm', ['exec', 'tsx', 'scripts/pack-release.ts', '--out', join(work, 'tarballs')], {
      cwd: sdkDir,
    });
    const tarballs = JSON.parse(packed.stdout.trim().split('\n').at(-1) ?? '{}') as { sdk: string; rules: string };
    const project = join(work, 'project');
    await run('mkdir', ['-p', project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarballs.rules, tarballs.sdk], {
      cwd: project,
    });
    const installed = JSON.parse(await readFile(join(project, 'node_modules/@escalate/sdk/package.json'), 'utf8'));
    expect(installed.version).toBe(JSON.parse(await readFile(join(sdkDir, 'package.json'), 'utf8')).version);

    await writeFile(
      join(project, 'use-sdk.ts'),
      await readFile(join(sdkDir, 'src/testing/consumer/use-sdk.ts'), 'utf8'),
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          outDir: 'out',
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          skipLibCheck: false,
        },
        files: ['use-sdk.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project });

    const apiKey = env.tenant.keys.tier2 ?? '';
    const connection = { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: apiKey };
    const result = await run(process.execPath, ['out/use-sdk.js'], { cwd: project, env: connection });
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: '0.1.0',
      role: 'tier2',
      listed: true,
      notFound: true,
      unauthenticated: true,
      policyOrg: 'cinch',
    });

    const whoami = await run(join(project, 'node_modules/.bin/escalate'), ['whoami'], {
      cwd: project,
      env: connection,
    });
    expect(JSON.parse(whoami.stdout).organization.slug).toBe(env.tenant.slug);
  }, 240_000);
});
