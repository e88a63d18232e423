import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layout's rules, checked on every build (CONTRIBUTING.md explains them):
 * - HTTP → edge → module schema → module service → kernel / @escalate/rules, never backwards;
 * - a service (a module file outside `schema/`) imports no GraphQL code: not the edge, not
 *   any `schema/` folder, not Pothos or graphql;
 * - a module uses another module only through that module's `index.ts` (schema files may
 *   also use another module's GraphQL types);
 * - the kernel imports no module and no edge code;
 * - no import circles, between files or between modules.
 */

const SOURCE_ROOT = dirname(fileURLToPath(import.meta.url));
const KERNEL_FOLDERS = ['auth', 'db', 'errors', 'kernel', 'limits', 'observability', 'security'];
const KERNEL_FILES = ['context.ts', 'config.ts', 'logger.ts'];

interface SourceFile {
  path: string;
  imports: { specifier: string; target: string | null; typeOnly: boolean }[];
}

function listSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)';?/gm;

function readSource(path: string): SourceFile {
  const text = readFileSync(path, 'utf8');
  const imports = [...text.matchAll(IMPORT)].map((match) => {
    const specifier = match[3] ?? '';
    const target = specifier.startsWith('.') ? resolve(dirname(path), specifier.replace(/\.js$/, '.ts')) : null;
    return { specifier, target, typeOnly: Boolean(match[2]) };
  });
  return { path, imports };
}

const allFiles = listSources(SOURCE_ROOT);
// generated code is known (imports of it resolve) but not checked
const sources = allFiles.filter((path) => !path.includes(`${sep}_generated${sep}`)).map(readSource);
const known = new Set(allFiles);
const local = (path: string) => relative(SOURCE_ROOT, path).split(sep).join('/');

function moduleOf(path: string): string | null {
  const parts = local(path).split('/');
  return parts[0] === 'modules' && parts.length > 2 ? (parts[1] ?? null) : null;
}
const isSchemaFile = (path: string) => moduleOf(path) !== null && local(path).split('/')[2] === 'schema';
const isModuleIndex = (path: string) =>
  moduleOf(path) !== null && local(path).split('/').length === 3 && path.endsWith('index.ts');
const isEdge = (path: string) => local(path).startsWith('edge/');
function isKernel(path: string): boolean {
  const first = local(path).split('/')[0] ?? '';
  return KERNEL_FOLDERS.includes(first) || KERNEL_FILES.includes(local(path));
}

function violations(check: (source: SourceFile, target: string, specifier: string) => string | null): string[] {
  return sources.flatMap((source) =>
    source.imports.flatMap(({ target, specifier }) => {
      const problem = check(source, target ?? '', specifier);
      return problem ? [`${local(source.path)} imports ${specifier}: ${problem}`] : [];
    }),
  );
}

describe('packages/api layout', () => {
  it('resolves every relative import to a file (so the checks below see everything)', () => {
    const unresolved = sources.flatMap((source) =>
      source.imports
        .filter((entry) => entry.target && !known.has(entry.target))
        .map((entry) => `${local(source.path)} → ${entry.specifier}`),
    );
    expect(unresolved).toEqual([]);
    expect(sources.filter((source) => moduleOf(source.path)).length).toBeGreaterThan(50);
  });

  it('keeps GraphQL and Pothos out of every module service', () => {
    const found = violations((source, target, specifier) => {
      if (moduleOf(source.path) === null || isSchemaFile(source.path)) return null;
      if (/^(@pothos\/|graphql$|graphql-yoga$)/.test(specifier)) return 'a service must not use GraphQL code';
      if (target && (isEdge(target) || isSchemaFile(target))) return 'a service must not import schema code';
      return null;
    });
    expect(found).toEqual([]);
  });

  it('lets one module use another only through its index', () => {
    const found = violations((source, target) => {
      const from = moduleOf(source.path);
      const to = target ? moduleOf(target) : null;
      if (!from || !to || from === to) return null;
      if (isModuleIndex(target)) return null;
      if (isSchemaFile(source.path) && isSchemaFile(target)) return null;
      return `use modules/${to}/index.ts`;
    });
    expect(found).toEqual([]);
  });

  it('keeps the kernel free of modules and edge code', () => {
    const found = violations((source, target) => {
      if (!isKernel(source.path) || !target) return null;
      if (moduleOf(target) !== null || isEdge(target)) return 'the kernel depends on nothing above it';
      return null;
    });
    expect(found).toEqual([]);
  });

  it('has no import circles between files', () => {
    const edges = new Map(
      sources.map((source) => [
        source.path,
        source.imports.flatMap((entry) => (entry.target && known.has(entry.target) ? [entry.target] : [])),
      ]),
    );
    expect(findCycles(edges).map((cycle) => cycle.map(local).join(' → '))).toEqual([]);
  });

  it('has no circles between modules (their services and schemas)', () => {
    const edges = new Map<string, string[]>();
    for (const source of sources) {
      const from = moduleOf(source.path);
      if (!from) continue;
      const targets = edges.get(from) ?? [];
      for (const entry of source.imports) {
        const to = entry.target ? moduleOf(entry.target) : null;
        if (to && to !== from && !(isSchemaFile(source.path) && isSchemaFile(entry.target ?? ''))) targets.push(to);
      }
      edges.set(from, targets);
    }
    expect(findCycles(edges)).toEqual([]);
  });
});

/** Strongly connected components with more than one member (Tarjan). */
function findCycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
