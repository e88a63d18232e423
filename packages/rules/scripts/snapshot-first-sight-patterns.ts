/**
 * Records what the pattern detector said about held-out sets 13–18 as it stood when each set
 * arrived (the commit before the set was added, so before any tuning on it), in
 * test/first-sight-pattern-codes.json: the codes it fired and the codes whose cue matched but was
 * turned down by a negation, a question or a guard — the veto the classifier respects (a cue that
 * only missed a requirement vetoes nothing). To see them, the old detector's rejection branch is
 * instrumented in the extracted copy. Patterns have since been tuned on those sets, so today's
 * patterns no longer miss what a fresh set makes them miss; these first-sight outputs are what the
 * classifier's thresholds are chosen on (sets 13–15) and what its gain is reported on (16–18).
 *
 *   pnpm --filter @escalate/rules exec tsx scripts/snapshot-first-sight-patterns.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLabeledMessages } from '../test/labeled-evaluation.js';
import { writeFormattedJson } from './write-formatted-json.js';

/** Each set with the commit it was added on; its parent is the detector that first saw it. */
const setArrivals: readonly { file: string; addedIn: string }[] = [
  { file: 'labeled-holdout-13.ndjson', addedIn: '666b6ba' },
  { file: 'labeled-holdout-14.ndjson', addedIn: '8dc5410' },
  { file: 'labeled-holdout-15.ndjson', addedIn: 'e9f2db8' },
  { file: 'labeled-holdout-16.ndjson', addedIn: 'fa225c5' },
  { file: 'labeled-holdout-17.ndjson', addedIn: '4e3b339' },
  { file: 'labeled-holdout-18.ndjson', addedIn: 'd46cc45' },
];

interface OldDetectionModule {
  canonicalTriggerDefinitions: readonly unknown[];
  compileDetector(definitions: readonly unknown[]): { detect(text: string): { code: string }[] };
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const workRoot = `${packageRoot}.first-sight`;
const snapshot: Record<
  string,
  { detectorCommit: string; codes: Record<string, string[]>; vetoed: Record<string, string[]> }
> = {};
const rejectionBranch = 'if (!acceptHit(analysis, hit, cache)) return;';
const instrumentedRejection =
  'if (!acceptHit(analysis, hit, cache)) { const probe = (globalThis as any).firstSightProbe; if (!probe.requirementUnmet) probe.turnedDown.add(cue.code); probe.requirementUnmet = false; return; }';
const requirementCheck = '  return cue.requires.every((required) => checkScope(analysis, required, hit, cache));';
const instrumentedRequirementCheck =
  '  const met = cue.requires.every((required) => checkScope(analysis, required, hit, cache)); (globalThis as any).firstSightProbe.requirementUnmet = !met; return met;';
const turnedDown = new Set<string>();
(globalThis as { firstSightProbe?: unknown }).firstSightProbe = { turnedDown, requirementUnmet: false };

try {
  for (const { file, addedIn } of setArrivals) {
    const commit = execFileSync('git', ['rev-parse', '--short', `${addedIn}^`], { encoding: 'utf8' }).trim();
    const directory = `${workRoot}/${commit}`;
    mkdirSync(directory, { recursive: true });
    const archive = execFileSync('git', ['archive', commit, 'src'], { cwd: packageRoot });
    execFileSync('tar', ['-x', '-C', directory], { input: archive });
    const detectorFile = `${directory}/src/detection/compile-detector.ts`;
    const source = readFileSync(detectorFile, 'utf8');
    if (!source.includes(rejectionBranch) || !source.includes(requirementCheck))
      throw new Error(`${commit}: rejection branch not found`);
    writeFileSync(
      detectorFile,
      source.replace(rejectionBranch, instrumentedRejection).replace(requirementCheck, instrumentedRequirementCheck),
    );
    const old = (await import(`${directory}/src/detection/index.ts`)) as OldDetectionModule;
    const detector = old.compileDetector(old.canonicalTriggerDefinitions);
    const codes: Record<string, string[]> = {};
    const vetoed: Record<string, string[]> = {};
    for (const message of loadLabeledMessages(file)) {
      turnedDown.clear();
      codes[message.id] = [...new Set(detector.detect(message.text).map((hit) => hit.code))].sort();
      vetoed[message.id] = [...turnedDown].sort();
    }
    snapshot[file] = { detectorCommit: commit, codes, vetoed };
    console.log(`${file}: patterns of ${commit}`);
  }
} finally {
  rmSync(workRoot, { recursive: true, force: true });
}
writeFormattedJson(new URL('../test/first-sight-pattern-codes.json', import.meta.url), snapshot);
