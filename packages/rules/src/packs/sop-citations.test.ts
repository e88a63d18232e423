import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedPolicyPacks } from './index.js';

// The SOPs live in the shared folder next to the repository (…/shared/sops), not in it.
const candidates = ['../../../../../shared', '../../../../shared'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);
const sharedDir = candidates.find((dir) => existsSync(`${dir}/sops`));

const normalize = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

describe.skipIf(!sharedDir)('every rule cites a line that is in its SOP', () => {
  for (const [slug, pack] of Object.entries(shippedPolicyPacks)) {
    it(`${slug}: quotes of rules and signal triggers appear in the cited SOP file`, () => {
      const missing: string[] = [];
      for (const item of [...pack.rules, ...pack.signalTriggers]) {
        const sop = normalize(readFileSync(`${sharedDir}/${item.source.file}`, 'utf8'));
        if (!sop.includes(normalize(item.source.quote))) missing.push(`${item.id}: "${item.source.quote}"`);
      }
      expect(missing).toEqual([]);
    });
  }
});
