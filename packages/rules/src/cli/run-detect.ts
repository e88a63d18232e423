import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { TextTriggerHit } from '../detection/compile-detector.js';

const ZDetectLine = z.strictObject({ id: z.union([z.string(), z.number()]), text: z.string() });

/** Streams NDJSON: one output line per input line; bad lines are reported on stderr. */
export async function runDetect(
  input: Readable,
  output: Writable,
  errors: Writable,
  detect: (text: string) => readonly TextTriggerHit[],
): Promise<number> {
  let failures = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber += 1;
    if (line.trim().length === 0) continue;
    let parsed: z.infer<typeof ZDetectLine>;
    try {
      parsed = ZDetectLine.parse(JSON.parse(line));
    } catch (error) {
      failures += 1;
      errors.write(
        `line ${lineNumber}: ${error instanceof Error ? error.message.replaceAll('\n', ' ') : String(error)}\n`,
      );
      continue;
    }
    const triggers = detect(parsed.text).map((hit) => ({
      code: hit.code,
      ruleId: hit.detectorId,
      evidence: hit.evidence,
    }));
    output.write(`${JSON.stringify({ id: parsed.id, triggers })}\n`);
  }
  return failures > 0 ? 2 : 0;
}
