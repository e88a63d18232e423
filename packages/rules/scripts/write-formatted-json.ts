import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Writes data as JSON in the repository's format (Biome's), so the generated file passes lint. */
export function writeFormattedJson(file: URL, data: unknown): void {
  const path = fileURLToPath(file);
  writeFileSync(path, `${JSON.stringify(data)}\n`);
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', path], { stdio: 'ignore' });
}
