/**
 * CI check: the API schema must not break SDK users without saying so. Compares
 * packages/api/schema.graphql with the schema of the last SDK release
 * (packages/sdk/schema.released.graphql) and fails when a breaking change is not named in
 * the `## Unreleased` section of CHANGELOG.md.
 *
 *   pnpm --filter @escalate/sdk check:breaking
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkCompatibility } from './schema-compat.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const [released, current, changelog] = await Promise.all([
  readFile(here('../schema.released.graphql'), 'utf8'),
  readFile(here('../../api/schema.graphql'), 'utf8'),
  readFile(here('../CHANGELOG.md'), 'utf8'),
]);
const report = await checkCompatibility(released, current, changelog);

for (const change of report.dangerous) process.stdout.write(`dangerous: ${change.message}\n`);
for (const change of report.breaking) {
  const announced = !report.unannounced.includes(change);
  process.stdout.write(`breaking${announced ? ' (announced)' : ''}: ${change.message} [${change.path ?? '-'}]\n`);
}
process.stdout.write(
  `${report.safe} safe, ${report.dangerous.length} dangerous, ${report.breaking.length} breaking change(s) since the last release\n`,
);
if (report.unannounced.length > 0) {
  process.stderr.write(
    `\n${report.unannounced.length} breaking change(s) are not announced. Either keep the schema compatible, or\n` +
      'name each path in backticks under "## Unreleased" in packages/sdk/CHANGELOG.md, e.g.\n' +
      report.unannounced.map((change) => `  - \`${change.path ?? change.message}\`: ${change.message}`).join('\n') +
      '\n',
  );
  process.exitCode = 1;
}
