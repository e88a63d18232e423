import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, RuleViolationError } from '../errors/escalate-error.js';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';

const SUPERVISOR_ASK = 'The delivery was missed again. I want to talk to a supervisor.';
const NOTE = {
  reason: 'Member asked for a supervisor after a second missed delivery',
  stepsTaken: 'Checked the carrier; rebooked delivery for Friday',
  offersMade: 'One month of membership credit',
  helpNeeded: 'Supervisor to call the member today',
};
const REMOVE_COMMENT = 'Review removed: seeker asked to take the review down — requested by Jamie on 2026-03-06';

let tonal: SdkTestEnv;
let care: SdkTestEnv;

beforeAll(async () => {
  [tonal, care] = await Promise.all([startSdkTestEnv('tonal'), startSdkTestEnv('care')]);
}, 60_000);

afterAll(async () => {
  await Promise.all([tonal?.close(), care?.close()]);
});

describe('case workflow through the SDK', () => {
  it('TON-4 TON-5 X-2 route (dry run) then escalate: NOTE_REQUIRED is a RuleViolationError, with the note it applies', async () => {
    const agent = tonal.client('agent');
    const { case: created } = await agent.cases.create({
      subject: 'Delivery missed twice',
      customerRef: 'm-1',
      channel: 'CHAT',
    });
    const decision = await agent.cases.route(created.id, { text: SUPERVISOR_ASK });
    expect(decision).toMatchObject({
      outcome: 'ESCALATE',
      target: { queue: 'supervisor-escalations' },
      setPriority: 'HIGH',
    });
    expect(decision.triggerCodes).toContain('SUPERVISOR_REQUEST');
    expect((await agent.cases.get(created.id)).version).toBe(1);

    const refused = await agent.cases
      .escalate(created.id, { expectedVersion: 1, text: SUPERVISOR_ASK })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect(refused).toMatchObject({ code: 'NOTE_REQUIRED', expected: true });

    const escalated = await agent.cases.escalate(created.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: NOTE });
    expect(escalated.outcome).toBe('APPLIED');
    expect(escalated.case).toMatchObject({
      status: 'OPEN',
      priority: 'HIGH',
      queue: { slug: 'supervisor-escalations' },
    });
  });

  it('X-4 update with a stale version is a ConflictError; comments, handoff notes, status and close work', async () => {
    const client = tonal.client('tier2');
    const { case: created } = await client.cases.create({ subject: 'Squeaky pedal', customerRef: 'm-2' });
    const updated = await client.cases.update(created.id, { expectedVersion: 1, subject: 'Squeaky left pedal' });
    expect(updated).toMatchObject({ subject: 'Squeaky left pedal', version: 2 });
    const stale = await client.cases
      .update(created.id, { expectedVersion: 1, subject: 'lost update' })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await client.cases.get(created.id)).subject).toBe('Squeaky left pedal');

    const comment = await client.cases.addComment(created.id, { body: 'Called the member' });
    expect(comment.body).toBe('Called the member');
    const note = await client.cases.addHandoffNote(created.id, { fields: NOTE });
    expect(note.fields).toMatchObject(NOTE);
    const open = await client.cases.changeStatus(created.id, { expectedVersion: updated.version, status: 'OPEN' });
    expect(open.status).toBe('OPEN');
    const closed = await client.cases.close(created.id, {
      expectedVersion: open.version,
      reason: 'Resolved',
      secondaryReason: 'Part replaced',
    });
    expect(closed.status).toBe('CLOSED');
  });

  it('X-5 customers and privacy requests: privacy staff create, Tier 2 gets a ForbiddenError, update, extend and delete', async () => {
    const externalRef = `member-${Date.now()}`;
    const upserted = await care.client('integration').customers.upsert({
      externalRef,
      email: `${externalRef}@members.example`,
      legalName: 'Jonathan Example',
      preferredName: 'Jo',
      signInMethods: ['password'],
    });
    expect(upserted.created).toBe(true);
    expect((await care.client('tier2').customers.find({ externalRef }))?.id).toBe(upserted.customer.id);
    const { case: created } = await care
      .client('agent')
      .cases.create({ subject: 'Please delete my data', customerRef: externalRef, channel: 'EMAIL' });

    const before = await care.kit.db.privacyRequest.count({ where: { tenantId: care.tenant.tenantId } });
    const forbidden = await care
      .client('tier2')
      .privacyRequests.create({ caseId: created.id, type: 'DELETE_DATA' })
      .catch((error: unknown) => error);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(await care.kit.db.privacyRequest.count({ where: { tenantId: care.tenant.tenantId } })).toBe(before);

    const privacy = care.client('privacy');
    const request = await privacy.privacyRequests.create({ caseId: created.id, type: 'DELETE_DATA' });
    expect(request.name).toMatch(/^PR-\d+/);
    const inProgress = await privacy.privacyRequests.update({ id: request.id, status: 'IN_PROGRESS' });
    expect(inProgress.status).toBe('IN_PROGRESS');
    const extended = await privacy.privacyRequests.extend({ id: request.id, reason: 'Large account export' });
    expect(extended.extendedAt).not.toBeNull();
    const deleted = await privacy.privacyRequests.delete({ id: request.id, reason: 'Filed twice' });
    expect(deleted.deletedAt).not.toBeNull();
  });

  it('CARE-R1 CARE-R6 reviews: import, Tier 1 escalates the request, Tier 2 removes, history and list', async () => {
    const review = await care.client('integration').reviews.import({
      externalId: `rev-${Date.now()}`,
      authorName: 'Pat Seeker',
      subject: 'Great sitter',
      body: 'Alex Smith was wonderful with our kids.',
      rating: 5,
      status: 'APPROVED',
    });
    const agent = care.client('agent');
    const { case: reviewCase } = await agent.cases.create({
      subject: 'Remove Review - seeker request',
      customerRef: `seeker-${Date.now()}`,
      externalCrmNumber: '00123456',
    });
    const escalation = await agent.reviews.escalateRequest({ caseId: reviewCase.id, reviewId: review.id });
    expect(escalation.case.id).toBe(reviewCase.id);
    const removed = await care
      .client('tier2')
      .reviews.remove({ reviewId: review.id, caseId: reviewCase.id, comment: REMOVE_COMMENT });
    expect(removed.status).toBe('REJECTED');
    const withHistory = await care.client('tier2').reviews.get(review.id);
    expect(withHistory.history.length).toBeGreaterThanOrEqual(1);
    const listed = await care
      .client('tier2')
      .reviews.list({ status: ['REJECTED'] })
      .toArray();
    expect(listed.map((item) => item.id)).toContain(review.id);
  });

  it('assignments and tasks: offer, accept, list; create a task and move its status', async () => {
    const tier2 = tonal.client('tier2');
    const { case: created } = await tier2.cases.create({ subject: 'Needs an owner', customerRef: 'm-3' });
    const offered = await tier2.assignments.create({
      caseId: created.id,
      strategy: 'DIRECT',
      assigneeId: tonal.tenant.userIds.tier3 ?? '',
    });
    expect(offered.assignment.status).toBe('OFFERED');
    const accepted = await tonal.client('tier3').assignments.accept(offered.assignment.id);
    expect(accepted.assignment.status).toBe('ACCEPTED');
    const mine = await tonal
      .client('tier3')
      .assignments.list({ filter: { mine: true } })
      .toArray();
    expect(mine.map((item) => item.id)).toContain(offered.assignment.id);

    const { task } = await tier2.tasks.create({ kind: 'FOLLOW_UP', title: 'Call back tomorrow', caseId: created.id });
    expect(task.status).toBe('TODO');
    const moved = await tier2.tasks.updateStatus({ taskId: task.id, status: 'IN_PROGRESS', version: task.version });
    expect(moved.status).toBe('IN_PROGRESS');
    const tasks = await tier2.tasks.list({ filter: { status: ['IN_PROGRESS'] } }).toArray();
    expect(tasks.map((item) => item.id)).toContain(task.id);
  });

  it('TON-6 live alerts arrive through liveAlerts.watch() as they are raised', async () => {
    const agent = tonal.client('agent');
    const { case: injured } = await agent.cases.create({ subject: 'Injury during a workout', customerRef: 'm-4' });
    const controller = new AbortController();
    const received: { caseId: string | undefined; channel: string }[] = [];
    // `since` replays what was raised from then on, so an alert raised before the stream is
    // open on the server is not missed
    const since = new Date();
    const watching = (async () => {
      const supervisor = tonal.client('tier1_supervisor');
      for await (const alert of supervisor.liveAlerts.watch({ signal: controller.signal, since })) {
        received.push({ caseId: alert.case?.id, channel: alert.channel });
        controller.abort();
      }
    })();
    await agent.cases.escalate(injured.id, {
      expectedVersion: 1,
      text: 'The arm snapped back and hit my shoulder.',
      signals: { agentFlags: ['HEALTH_SAFETY'] },
      note: NOTE,
    });
    const timeout = setTimeout(() => controller.abort(), 15_000);
    await watching;
    clearTimeout(timeout);
    expect(received).toEqual([{ caseId: injured.id, channel: 'LIVE_ALERT' }]);
  });
});
