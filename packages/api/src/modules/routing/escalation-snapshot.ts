import type { TenantTransaction } from '../../kernel/transaction.js';
import { RESOLUTION_LEAD_SKILL } from '../assignments/index.js';
import type { CaseForEvaluation } from './evaluation-input.js';

/**
 * Everything an escalation reads before it decides, in one statement: the case with its team,
 * queue and customer joined, the tenant's active policy version, whether a Resolution Lead
 * is available (SOL-7), and the facts on record: an approval granted (CIN-2) and the customer's
 * refunds (CARE-B1). The escalation and the decision it applies both work from this row.
 */
export interface EscalationSnapshot extends CaseForEvaluation {
  version: number;
  assigneeId: string | null;
  externalCrmNumber: string | null;
  customerEmail: string | null;
  /** the active PolicyVersion row, or null when the organization has none */
  policy: { id: string; version: number } | null;
}

interface SnapshotRow {
  id: string;
  number: number;
  status: string;
  priority: string;
  tier: string;
  brand: string | null;
  channel: string | null;
  subject: string;
  description: string | null;
  signals: unknown;
  version: number;
  assigneeId: string | null;
  externalCrmNumber: string | null;
  teamSlug: string | null;
  queueSlug: string | null;
  customerId: string | null;
  preferredName: string | null;
  legalName: string | null;
  signInMethods: string[] | null;
  rmaCount: number | null;
  customerEmail: string | null;
  policyId: string | null;
  policyVersion: number | null;
  resolutionLeadAvailable: boolean;
  supervisorApproved: boolean;
  refunds: { kind: string; reason: string; processedAt: string | null }[] | null;
}

export async function loadEscalationSnapshot(
  tx: TenantTransaction,
  tenantId: string,
  caseId: string,
): Promise<EscalationSnapshot | null> {
  const rows = await tx.$queryRaw<SnapshotRow[]>`
    SELECT c."id"::text AS "id", c."number", c."status", c."priority", c."tier", c."brand", c."channel", c."subject",
      c."description", c."signals", c."version", c."assigneeId"::text AS "assigneeId", c."externalCrmNumber",
      t."slug" AS "teamSlug", q."slug" AS "queueSlug",
      cu."id"::text AS "customerId", cu."preferredName", cu."legalName", cu."signInMethods", cu."rmaCount",
      cu."email" AS "customerEmail",
      p."id"::text AS "policyId", p."version" AS "policyVersion",
      EXISTS (
        SELECT 1 FROM "User" u WHERE u."tenantId" = c."tenantId" AND ${RESOLUTION_LEAD_SKILL} = ANY(u."skills")
          AND NOT u."outOfOffice" AND u."availability" = 'ONLINE'
      ) AS "resolutionLeadAvailable",
      EXISTS (
        SELECT 1 FROM "Approval" a WHERE a."tenantId" = c."tenantId" AND a."caseId" = c."id" AND a."status" = 'APPROVED'
      ) AS "supervisorApproved",
      (
        SELECT json_agg(json_build_object('kind', r."kind", 'reason', r."reason", 'processedAt', r."processedAt"))
        FROM "Refund" r WHERE r."tenantId" = c."tenantId" AND r."customerId" = c."customerId"
      ) AS "refunds"
    FROM "Case" c
    LEFT JOIN "Team" t ON t."tenantId" = c."tenantId" AND t."id" = c."teamId"
    LEFT JOIN "Queue" q ON q."tenantId" = c."tenantId" AND q."id" = c."queueId"
    LEFT JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu."id" = c."customerId"
    LEFT JOIN "PolicyVersion" p ON p."tenantId" = c."tenantId" AND p."active"
    WHERE c."tenantId" = ${tenantId}::uuid AND c."id" = ${caseId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    number: Number(row.number),
    status: row.status,
    priority: row.priority,
    tier: row.tier,
    brand: row.brand,
    channel: row.channel,
    subject: row.subject,
    description: row.description,
    signals: row.signals,
    version: Number(row.version),
    assigneeId: row.assigneeId,
    externalCrmNumber: row.externalCrmNumber,
    resolutionLeadAvailable: row.resolutionLeadAvailable,
    team: row.teamSlug === null ? null : { slug: row.teamSlug },
    queue: row.queueSlug === null ? null : { slug: row.queueSlug },
    customer:
      row.customerId === null
        ? null
        : {
            preferredName: row.preferredName,
            legalName: row.legalName,
            signInMethods: row.signInMethods ?? [],
            rmaCount: Number(row.rmaCount ?? 0),
            refunds: (row.refunds ?? []).map((refund) => ({
              kind: refund.kind,
              reason: refund.reason,
              processedAt: refund.processedAt ? new Date(refund.processedAt) : null,
            })),
          },
    // CIN-2: a supervisor's approval on record (recorded-signals.ts)
    approvals: row.supervisorApproved ? [{ id: 'approved-on-record' }] : [],
    customerEmail: row.customerEmail,
    policy: row.policyId === null ? null : { id: row.policyId, version: Number(row.policyVersion) },
  };
}
