/**
 * Production build: `pnpm --filter @escalate/api build` bundles the API and the delivery worker
 * into plain JavaScript in dist/ (`node dist/main.js`, `node dist/worker-main.js`), so production
 * runs without the TypeScript loader. The project's own TypeScript (this package and the
 * workspace packages it imports, such as @escalate/rules) is bundled; the packages listed in
 * this package's dependencies stay in node_modules and are imported from there as they are
 * (Prisma's query compiler, PGlite and pg load files of their own).
 */
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const here = new URL('./', import.meta.url);
const { dependencies } = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));
const external = new Set([...Object.keys(dependencies).filter((name) => !name.startsWith('@escalate/'))]);
const builtins = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name` */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const dependenciesStayExternal = {
  name: 'dependencies-stay-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { external: true };
      return external.has(packageName(args.path)) ? { external: true } : undefined;
    });
  },
};

// a fresh dist/: chunk names change from build to build
rmSync(new URL('dist', here), { recursive: true, force: true });

await build({
  absWorkingDir: new URL('.', here).pathname,
  entryPoints: ['src/main.ts', 'src/worker-main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [dependenciesStayExternal],
});
