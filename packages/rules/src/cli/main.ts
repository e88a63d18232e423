/**
 * escalate-rules — the rules engine on the command line.
 *   detect [--org <slug>]                 NDJSON {"id","text"} in → {"id","triggers"} out
 *   decide --org <slug> [--at <ISO>] [--explain]   one evaluation input (JSON) on stdin
 *   lint [--org <slug>]                   static checks; exit 1 on findings
 */
import { Command, CommanderError } from 'commander';
import { compilePolicy } from '../engine/compile-policy.js';
import { EvaluationInputError, evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import { formatDecision } from '../engine/format-decision.js';
import { createCanonicalDetector } from '../engine/pack-detector.js';
import { lintPolicyPack } from '../lint/lint-pack.js';
import { getShippedPolicyPack, shippedPolicyPacks } from '../packs/index.js';
import { PolicyPackError } from '../policy/parse-pack.js';
import { runDetect } from './run-detect.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const program = new Command()
  .name('escalate-rules')
  .description('Escalation policy engine: detect triggers, decide routing, lint policy packs')
  .exitOverride();

program
  .command('detect')
  .description('read NDJSON lines {"id","text"} on stdin, write {"id","triggers":[…]} per line')
  .option('--org <slug>', "use this organization's trigger definitions (default: all canonical codes)")
  .action(async (options: { org?: string }) => {
    const detect = options.org
      ? (() => {
          const policy = compilePolicy(getShippedPolicyPack(options.org), { textMemoEntries: 0 });
          return (text: string) => policy.detectText(text, 'customerText');
        })()
      : (() => {
          const detector = createCanonicalDetector();
          return (text: string) => detector.detect(text, 'customerText');
        })();
    process.exitCode = await runDetect(process.stdin, process.stdout, process.stderr, detect);
  });

program
  .command('decide')
  .description('read one evaluation input (JSON) on stdin and print the decision')
  .requiredOption('--org <slug>', 'organization whose shipped policy decides')
  .option('--at <iso>', 'evaluation time with offset (overrides "now" in the input)')
  .option('--explain', 'print a human-readable explanation instead of JSON')
  .action(async (options: { org: string; at?: string; explain?: boolean }) => {
    const policy = compilePolicy(getShippedPolicyPack(options.org));
    const raw: unknown = JSON.parse(await readStdin());
    const withOverrides =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? { orgSlug: options.org, ...raw, ...(options.at ? { now: options.at } : {}) }
        : raw;
    const decision = evaluate(policy, parseEvaluationInput(withOverrides));
    process.stdout.write(options.explain ? `${formatDecision(decision)}\n` : `${JSON.stringify(decision, null, 2)}\n`);
  });

program
  .command('lint')
  .description('static checks on shipped policy packs; exit code 1 when anything is found')
  .option('--org <slug>', 'only this organization')
  .action((options: { org?: string }) => {
    const slugs = options.org ? [options.org] : Object.keys(shippedPolicyPacks).sort();
    let total = 0;
    for (const slug of slugs) {
      const pack = getShippedPolicyPack(slug);
      const findings = lintPolicyPack(pack);
      total += findings.length;
      process.stdout.write(
        `${slug} v${pack.version}: ${findings.length === 0 ? 'ok' : `${findings.length} finding(s)`}\n`,
      );
      for (const finding of findings) {
        process.stdout.write(`  ${finding.severity} ${finding.code} ${finding.ruleId ?? '-'}: ${finding.message}\n`);
      }
    }
    process.exitCode = total > 0 ? 1 : 0;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (
    error instanceof EvaluationInputError ||
    error instanceof PolicyPackError ||
    error instanceof SyntaxError
  ) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
