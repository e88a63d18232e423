/**
 * Bulk import: create a case per line of an NDJSON file with a few requests in flight, each
 * with an idempotency key derived from its line, so running the script again after a crash
 * creates nothing twice. (`escalate import <file>` does the same with a progress bar.)
 *
 *   ESCALATE_URL=… ESCALATE_API_KEY=… pnpm --filter @escalate/examples bulk-import cases.sample.ndjson
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { asResult, type CreateCaseInput, createClient } from '@escalate/sdk';

const file = process.argv[2] ?? new URL('./cases.sample.ndjson', import.meta.url).pathname;
const concurrency = 4;
const escalate = createClient({ url: process.env.ESCALATE_URL ?? '', apiKey: process.env.ESCALATE_API_KEY ?? '' });

const lines = (await readFile(file, 'utf8')).split('\n');
const failures: string[] = [];
let created = 0;
let next = 0;

async function worker(): Promise<void> {
  while (next < lines.length) {
    const index = next++;
    const line = lines[index]?.trim();
    if (!line) continue;
    let input: CreateCaseInput;
    try {
      input = JSON.parse(line) as CreateCaseInput;
    } catch {
      failures.push(`line ${index + 1}: not valid JSON`);
      continue;
    }
    const idempotencyKey = `example-${createHash('sha256').update(`${file}:${index}:${line}`).digest('hex').slice(0, 40)}`;
    // expected refusals (validation, duplicates) come back as values; outages still throw
    const result = await asResult(escalate.cases.create(input, { idempotencyKey }));
    if (result.ok) created += 1;
    else failures.push(`line ${index + 1}: ${result.error.code} ${result.error.message}`);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
console.log(`${created} cases created or found again; ${failures.length} line(s) failed`);
for (const failure of failures) console.log(`  ${failure}`);
process.exitCode = failures.length ? 1 : 0;
