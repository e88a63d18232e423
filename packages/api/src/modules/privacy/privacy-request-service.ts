import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { nextTenantNumber } from '../../kernel/counters.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { changedMeanwhile } from '../../kernel/versioned-write.js';
import { addresseeName, enqueueNotification, renderEmail } from '../delivery/index.js';
import { computeDsarDeadlines } from './dsar-deadlines.js';
import {
  assertPasswordSignIn,
  assertStatusChange,
  humanRequestType,
  intakeEmailTemplate,
  OPEN_PRIVACY_STATUSES,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
  privacyRequestNumber,
  type ZCreatePrivacyRequestInput,
  type ZDeletePrivacyRequestInput,
  type ZExtendPrivacyRequestInput,
  type ZUpdatePrivacyRequestInput,
} from './privacy-request-rules.js';

export interface PrivacyRequestResult {
  privacyRequestId: string;
}

const PORTAL_URL = z
  .string()
  .url()
  .default('https://privacy.escalate.example')
  .parse(process.env.ESCALATE_PRIVACY_PORTAL_URL || undefined)
  .replace(/\/+$/, '');

/** A change to the requester's name or email is noted on the case timeline without the values. */
function withoutRequesterDetails(changes: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...changes };
  for (const field of ['requesterName', 'requesterEmail']) if (field in kept) kept[field] = { changed: true };
  return kept;
}

/** The self-service webform where the member completes the request (CARE-P5). */
export function selfServiceLink(tenantSlug: string, number: number): string {
  return `${PORTAL_URL}/${encodeURIComponent(tenantSlug)}/requests/${privacyRequestNumber(number)}`;
}

function formatDueDate(dueAt: Date, timeZone: string): string {
  // the deadline is the end of a local day: show that day
  return DateTime.fromJSDate(new Date(dueAt.getTime() - 1), { zone: timeZone }).toFormat('MMMM d, yyyy');
}

async function loadActiveRequest(tx: TenantTransaction, rawId: string) {
  const id = rawId;
  const request = await tx.privacyRequest.findFirst({ where: { id, deletedAt: null }, include: { customer: true } });
  if (!request) throw AppError.notFound('Privacy request');
  return request;
}

export async function createPrivacyRequest(
  context: Context,
  input: z.output<typeof ZCreatePrivacyRequestInput>,
): Promise<PrivacyRequestResult> {
  const caseId = input.caseId;
  return runIdempotent(context, 'createPrivacyRequest', input, input.idempotencyKey, async (tx) => {
    const caseRow = await tx.case.findUnique({ where: { id: caseId } });
    if (!caseRow) throw AppError.notFound('Case');
    const customer = caseRow.customerId
      ? await tx.customer.findUnique({ where: { id: caseRow.customerId } })
      : await tx.customer.findFirst({ where: { externalRef: caseRow.customerRef } });
    assertPasswordSignIn(customer); // CARE-P1
    const requesterEmail = input.requesterEmail ?? customer?.email ?? null;
    if (!requesterEmail) {
      throw new AppError('VALIDATION_FAILED', 'The requester has no email address on file; give one', {
        rule: 'CARE-P5',
        fields: [{ path: 'input.requesterEmail', message: 'is required: the confirmation email needs an address' }],
      });
    }
    const requesterName = input.requesterName ?? customer?.legalName ?? customer?.preferredName ?? requesterEmail;
    const status = input.status ?? 'REQUESTED';
    const jurisdiction = input.jurisdiction ?? 'CCPA';
    const receivedAt = input.receivedAt ?? context.now;
    if (receivedAt.getTime() > context.now.getTime()) {
      throw new AppError('VALIDATION_FAILED', 'receivedAt cannot be in the future', {
        fields: [{ path: 'input.receivedAt', message: 'is in the future' }],
      });
    }
    const deadlines = computeDsarDeadlines(jurisdiction, receivedAt, context.viewer.tenantTimeZone);
    const number = await nextTenantNumber(tx, context.viewer.tenantId, 'privacy-request');
    const closedAtIntake = status === 'COMPLETED_FAILED_VERIFICATION';
    const created = await tx.privacyRequest.create({
      data: {
        tenantId: context.viewer.tenantId,
        number,
        caseId,
        customerId: customer?.id ?? null,
        type: input.type,
        status,
        jurisdiction,
        requesterName,
        requesterEmail,
        receivedAt,
        receiptDueAt: deadlines.receiptDueAt,
        receiptSentAt: context.now,
        dueAt: deadlines.dueAt,
        completedAt: closedAtIntake ? context.now : null,
        createdById: context.viewer.userId,
        updatedById: context.viewer.userId,
      },
    });
    const displayNumber = privacyRequestNumber(number);
    const email = renderEmail(intakeEmailTemplate(jurisdiction, status), {
      name: addresseeName({
        preferredName: customer?.preferredName,
        legalName: input.requesterName ?? customer?.legalName,
        fallback: requesterName,
      }),
      requestNumber: displayNumber,
      requestType: humanRequestType(input.type),
      selfServiceLink: selfServiceLink(context.viewer.tenantSlug, number),
      dueDate: formatDueDate(deadlines.dueAt, context.viewer.tenantTimeZone),
    });
    await enqueueNotification(tx, context, {
      caseId,
      channel: 'EMAIL',
      template: email.template,
      recipient: requesterEmail,
      subject: email.subject,
      payload: { body: email.body, privacyRequestId: created.id, requestNumber: displayNumber },
    });
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'PRIVACY_REQUEST_CREATED',
      data: {
        privacyRequestId: created.id,
        number: displayNumber,
        type: created.type,
        status: created.status,
        jurisdiction,
        receivedAt: receivedAt.toISOString(),
        dueAt: deadlines.dueAt.toISOString(),
        receiptDueAt: deadlines.receiptDueAt?.toISOString() ?? null,
        deadlines: deadlines.explanation,
        // the requester's address stays on the privacy request, not on the case timeline
        email: { template: email.template, subject: email.subject },
      },
    });
    return { privacyRequestId: created.id };
  });
}

export async function updatePrivacyRequest(
  context: Context,
  input: z.output<typeof ZUpdatePrivacyRequestInput>,
): Promise<PrivacyRequestResult> {
  return runIdempotent(context, 'updatePrivacyRequest', input, input.idempotencyKey, async (tx) => {
    const before = await loadActiveRequest(tx, input.id);
    const fromStatus = before.status as PrivacyRequestStatus;
    if (input.status) assertStatusChange(fromStatus, input.status);
    const finished = input.status === 'COMPLETED' || input.status === 'DENIED';
    if (input.denialReason && (input.status ?? fromStatus) !== 'DENIED') {
      throw new AppError('VALIDATION_FAILED', 'A denial reason belongs to a denied request', {
        rule: 'CARE-P3',
        fields: [{ path: 'input.denialReason', message: 'only with status DENIED' }],
      });
    }
    const after = {
      type: input.type ?? undefined,
      status: input.status ?? undefined,
      denialReason: input.denialReason ?? undefined,
      requesterName: input.requesterName ?? undefined,
      requesterEmail: input.requesterEmail ?? undefined,
    };
    const changes = changedFields(before as unknown as Record<string, unknown>, after);
    if (Object.keys(changes).length === 0) return { privacyRequestId: before.id };
    const updated = await tx.privacyRequest.updateMany({
      where: { id: before.id, status: before.status, deletedAt: null },
      data: {
        ...after,
        completedAt: finished && !before.completedAt ? context.now : undefined,
        updatedById: context.viewer.userId,
      },
    });
    if (updated.count === 0) throw changedMeanwhile('privacy request');
    await recordTimelineEvent(tx, context, {
      caseId: before.caseId,
      type: 'PRIVACY_REQUEST_UPDATED',
      data: {
        privacyRequestId: before.id,
        number: privacyRequestNumber(before.number),
        changes: withoutRequesterDetails(changes),
      },
    });
    return { privacyRequestId: before.id };
  });
}

/** Deletion is soft and audited (CARE-P7): the row stays, hidden from lists, with a timeline entry. */
export async function deletePrivacyRequest(
  context: Context,
  input: z.output<typeof ZDeletePrivacyRequestInput>,
): Promise<PrivacyRequestResult> {
  return runIdempotent(context, 'deletePrivacyRequest', input, input.idempotencyKey, async (tx) => {
    const before = await loadActiveRequest(tx, input.id);
    const updated = await tx.privacyRequest.updateMany({
      where: { id: before.id, deletedAt: null },
      data: { deletedAt: context.now, updatedById: context.viewer.userId },
    });
    if (updated.count === 0) throw AppError.notFound('Privacy request');
    await recordTimelineEvent(tx, context, {
      caseId: before.caseId,
      type: 'PRIVACY_REQUEST_DELETED',
      data: {
        privacyRequestId: before.id,
        number: privacyRequestNumber(before.number),
        reason: input.reason,
        deleted: {
          type: before.type,
          status: before.status,
          jurisdiction: before.jurisdiction,
          receivedAt: before.receivedAt.toISOString(),
          dueAt: before.dueAt.toISOString(),
        },
      },
    });
    return { privacyRequestId: before.id };
  });
}

/** One extension, announced before the original deadline, with the reason and a notice to the requester. */
export async function extendPrivacyRequest(
  context: Context,
  input: z.output<typeof ZExtendPrivacyRequestInput>,
): Promise<PrivacyRequestResult> {
  return runIdempotent(context, 'extendPrivacyRequest', input, input.idempotencyKey, async (tx) => {
    const before = await loadActiveRequest(tx, input.id);
    const status = before.status as PrivacyRequestStatus;
    if (before.extendedAt || status === 'EXTENDED') {
      throw new AppError('RULE_VIOLATION', 'This request was already extended once; only one extension is allowed', {
        details: { extendedAt: before.extendedAt?.toISOString() ?? null },
      });
    }
    if (!OPEN_PRIVACY_STATUSES.includes(status)) {
      throw new AppError('INVALID_TRANSITION', `A ${status} request cannot be extended`, {
        fields: [{ path: 'input.id', message: `status ${status} is final` }],
      });
    }
    if (context.now.getTime() >= before.dueAt.getTime()) {
      throw new AppError('RULE_VIOLATION', 'The extension notice must be sent before the original deadline', {
        details: { dueAt: before.dueAt.toISOString() },
      });
    }
    const jurisdiction = before.jurisdiction as 'CCPA' | 'GDPR';
    const deadlines = computeDsarDeadlines(jurisdiction, before.receivedAt, context.viewer.tenantTimeZone);
    const updated = await tx.privacyRequest.updateMany({
      where: { id: before.id, status: before.status, extendedAt: null },
      data: {
        status: 'EXTENDED',
        dueAt: deadlines.extendedDueAt,
        extendedAt: context.now,
        extensionReason: input.reason,
        updatedById: context.viewer.userId,
      },
    });
    if (updated.count === 0) throw changedMeanwhile('privacy request');
    const displayNumber = privacyRequestNumber(before.number);
    const email = renderEmail('privacy-extension-notice', {
      name: addresseeName({
        preferredName: before.customer?.preferredName,
        legalName: before.requesterName,
        fallback: before.requesterEmail,
      }),
      requestNumber: displayNumber,
      reason: input.reason,
      dueDate: formatDueDate(deadlines.extendedDueAt, context.viewer.tenantTimeZone),
    });
    await enqueueNotification(tx, context, {
      caseId: before.caseId,
      channel: 'EMAIL',
      template: email.template,
      recipient: before.requesterEmail,
      subject: email.subject,
      payload: { body: email.body, privacyRequestId: before.id, requestNumber: displayNumber },
    });
    await recordTimelineEvent(tx, context, {
      caseId: before.caseId,
      type: 'PRIVACY_REQUEST_EXTENDED',
      data: {
        privacyRequestId: before.id,
        number: displayNumber,
        reason: input.reason,
        status: { before: before.status, after: 'EXTENDED' },
        dueAt: { before: before.dueAt.toISOString(), after: deadlines.extendedDueAt.toISOString() },
      },
    });
    return { privacyRequestId: before.id };
  });
}

export type { PrivacyRequestStatus, PrivacyRequestType };
