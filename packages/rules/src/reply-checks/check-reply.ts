/**
 * Reply checks run on an agent's reply before it is sent: forbidden phrases (LL-10), the legal
 * name used when a preferred name is set (CARE-G2), an escalation offered unprompted (SOL-1).
 */
import type { CompiledPolicy } from '../engine/compile-policy.js';
import { type TReplyCheckInput, type TReplyFinding, ZReplyCheckInput } from '../types.js';
import type { CompiledReplyCheck } from './compile-reply-checks.js';

function phraseFindings(check: CompiledReplyCheck, text: string, message: (phrase: string) => string): TReplyFinding[] {
  const findings: TReplyFinding[] = [];
  const kind = check.spec.kind === 'LEGAL_NAME_USED' ? 'LEGAL_NAME_USED' : check.spec.kind;
  for (const { pattern } of check.phrases) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      findings.push({
        checkId: check.spec.id,
        kind,
        requirementIds: check.spec.requirementIds,
        phrase: match[0],
        start: match.index,
        end: match.index + match[0].length,
        message: message(match[0]),
      });
    }
  }
  return findings;
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/** Case-insensitive whole-word occurrences of `needle` in `text`. */
function wordOccurrences(text: string, needle: string): { start: number; end: number }[] {
  const haystack = text.toLowerCase();
  const target = needle.toLowerCase();
  const spans: { start: number; end: number }[] = [];
  if (target.length === 0) return spans;
  let from = haystack.indexOf(target);
  while (from !== -1) {
    const end = from + target.length;
    if (!isWordChar(text[from - 1]) && !isWordChar(text[end])) spans.push({ start: from, end });
    from = haystack.indexOf(target, from + 1);
  }
  return spans;
}

function legalNameFindings(
  check: CompiledReplyCheck,
  reply: ReturnType<typeof ZReplyCheckInput.parse>,
): TReplyFinding[] {
  const preferred = reply.customer?.preferredName?.trim();
  const legal = reply.customer?.legalName?.trim();
  if (!preferred || !legal || preferred.toLowerCase() === legal.toLowerCase()) return [];
  const preferredSpans = wordOccurrences(reply.text, preferred);
  const preferredWords = new Set(preferred.toLowerCase().split(/\s+/));
  const candidates = [
    legal,
    ...legal.split(/\s+/).filter((word) => word.length > 1 && !preferredWords.has(word.toLowerCase())),
  ];
  const taken: { start: number; end: number }[] = [];
  const findings: TReplyFinding[] = [];
  const overlaps = (span: { start: number; end: number }, spans: readonly { start: number; end: number }[]) =>
    spans.some((other) => span.start < other.end && other.start < span.end);
  for (const candidate of candidates) {
    for (const span of wordOccurrences(reply.text, candidate)) {
      if (overlaps(span, taken) || overlaps(span, preferredSpans)) continue;
      taken.push(span);
      findings.push({
        checkId: check.spec.id,
        kind: 'LEGAL_NAME_USED',
        requirementIds: check.spec.requirementIds,
        phrase: reply.text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        message: `the customer's preferred name is "${preferred}"; do not address them by their legal name`,
      });
    }
  }
  return findings;
}

/**
 * The customer asked to escalate when the caller says so, when the case already carries one of
 * the check's ask codes (e.g. `solar:ESCALATION_REQUEST` from an agent flag), or when the
 * customer's own words fire one of them.
 */
function customerAskedForEscalation(
  policy: CompiledPolicy,
  askCodes: ReadonlySet<string>,
  reply: ReturnType<typeof ZReplyCheckInput.parse>,
): boolean {
  if (reply.customerAskedForEscalation) return true;
  if (reply.caseTriggerCodes?.some((code) => askCodes.has(code))) return true;
  if (!reply.customerText) return false;
  return policy.detectText(reply.customerText, 'customerText').some((hit) => askCodes.has(hit.code));
}

/** Findings for a reply, ordered by position then check id. */
export function checkReply(policy: CompiledPolicy, replyInput: TReplyCheckInput): TReplyFinding[] {
  const reply = ZReplyCheckInput.parse(replyInput);
  const wanted = reply.checkIds ? new Set(reply.checkIds) : null;
  const findings: TReplyFinding[] = [];
  for (const check of policy.replyChecks) {
    if (wanted && !wanted.has(check.spec.id)) continue;
    switch (check.spec.kind) {
      case 'FORBIDDEN_PHRASE':
        findings.push(...phraseFindings(check, reply.text, (phrase) => `forbidden phrase in a reply: "${phrase}"`));
        break;
      case 'UNPROMPTED_ESCALATION_OFFER':
        if (!customerAskedForEscalation(policy, new Set(check.spec.customerAskCodes), reply)) {
          findings.push(
            ...phraseFindings(
              check,
              reply.text,
              (phrase) => `escalation offered although the customer did not ask: "${phrase}"`,
            ),
          );
        }
        break;
      case 'LEGAL_NAME_USED':
        findings.push(...legalNameFindings(check, reply));
        break;
      default: {
        const exhaustive: never = check.spec;
        throw new Error(`unhandled reply check ${JSON.stringify(exhaustive)}`);
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}
