/**
 * Builds the release tarballs: @escalate/sdk (ESM + .d.ts from tsc) and, beside it, a built
 * @escalate/rules (the workspace package ships TypeScript sources; its release is compiled
 * JavaScript with declarations). `@escalate/sdk/rules` needs the rules package installed too.
 *
 *   pnpm --filter @escalate/sdk pack:release [--out <dir>]
 *
 * Prints the tarball paths as JSON: { "sdk": "…tgz", "rules": "…tgz" }.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = resolve(sdkDir, '../rules');
const repoRoot = resolve(sdkDir, '../..');
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

const outFlag = process.argv.indexOf('--out');
const outDir = resolve(outFlag > -1 ? (process.argv[outFlag + 1] ?? '.') : join(tmpdir(), 'escalate-release'));
mkdirSync(outDir, { recursive: true });

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

function newestTarball(prefix: string): string {
  const match = readdirSync(outDir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.tgz'))
    .sort()
    .at(-1);
  if (!match) throw new Error(`no ${prefix}*.tgz in ${outDir}`);
  return join(outDir, match);
}

function packRules(): string {
  const stage = mkdtempSync(join(tmpdir(), 'escalate-rules-'));
  try {
    const tsconfig = {
      extends: join(rulesDir, 'tsconfig.json'),
      compilerOptions: {
        rootDir: join(rulesDir, 'src'),
        outDir: join(stage, 'dist'),
        declaration: true,
        sourceMap: false,
        typeRoots: [join(repoRoot, 'node_modules/@types')],
      },
      include: [join(rulesDir, 'src')],
      exclude: [join(rulesDir, 'src/**/*.test.ts'), join(rulesDir, 'src/bench')],
    };
    writeFileSync(join(stage, 'tsconfig.json'), JSON.stringify(tsconfig));
    run(process.execPath, [tsc, '-p', join(stage, 'tsconfig.json')], stage);
    const source = JSON.parse(readFileSync(join(rulesDir, 'package.json'), 'utf8'));
    const manifest = {
      name: source.name,
      version: source.version,
      description: 'Escalate policy engine: evaluate escalation policy packs offline',
      license: 'UNLICENSED',
      type: 'module',
      engines: { node: '>=20' },
      sideEffects: false,
      exports: {
        '.': { types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' },
        './package.json': './package.json',
      },
      types: './dist/index.d.ts',
      files: ['dist'],
      // the declarations name luxon's types, so consumers need them to type-check
      dependencies: { ...source.dependencies, '@types/luxon': source.devDependencies['@types/luxon'] },
    };
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    run('npm', ['pack', '--silent', '--pack-destination', outDir], stage);
    return newestTarball('escalate-rules-');
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function packSdk(): string {
  run('pnpm', ['run', '--silent', 'build'], sdkDir);
  run('pnpm', ['pack', '--pack-destination', outDir], sdkDir);
  return newestTarball('escalate-sdk-');
}

const rules = packRules();
const sdk = packSdk();
process.stdout.write(`${JSON.stringify({ sdk, rules })}\n`);
