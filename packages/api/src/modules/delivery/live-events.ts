import { Repeater } from '@repeaterjs/repeater';
import pg from 'pg';
import type { Logger } from 'pino';
import { type PrismaClient, prisma } from '../../db/prisma-client.js';

export type LiveEvent =
  | { kind: 'CASE_UPDATED'; tenantId: string; caseId: string; eventId: string; type: string }
  | { kind: 'LIVE_ALERT'; tenantId: string; messageId: string };

type Listener = (event: LiveEvent) => void;

export const CASE_UPDATED_CHANNEL = 'escalate_case_updated';
export const LIVE_ALERT_CHANNEL = 'escalate_live_alert';

interface LiveEventSource {
  start(emit: Listener): Promise<void>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL: one connection LISTENs to the NOTIFYs that triggers send when a timeline event
 * or a live alert is committed, so every API replica hears every change.
 */
export class ListenNotifySource implements LiveEventSource {
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly logger?: Logger,
  ) {}

  async start(emit: Listener): Promise<void> {
    this.stopped = false;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (notification) => {
      try {
        const data = JSON.parse(notification.payload ?? '{}') as Record<string, string>;
        if (notification.channel === CASE_UPDATED_CHANNEL && data.tenantId && data.caseId) {
          emit({
            kind: 'CASE_UPDATED',
            tenantId: data.tenantId,
            caseId: data.caseId,
            eventId: data.eventId ?? '',
            type: data.type ?? '',
          });
        } else if (notification.channel === LIVE_ALERT_CHANNEL && data.tenantId && data.messageId) {
          emit({ kind: 'LIVE_ALERT', tenantId: data.tenantId, messageId: data.messageId });
        }
      } catch (error) {
        this.logger?.warn({ err: error }, 'unreadable live event notification');
      }
    });
    client.on('error', (error) => {
      this.logger?.warn({ err: error }, 'live event connection lost; reconnecting');
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.start(emit).catch(() => undefined), 1_000);
    });
    await client.connect();
    await client.query(`LISTEN ${CASE_UPDATED_CHANNEL}`);
    await client.query(`LISTEN ${LIVE_ALERT_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

/**
 * The embedded database (PGlite behind its wire server) is one backend session: a NOTIFY goes
 * back to the sending connection, never to a listener on another one. There the hub polls the
 * timeline (by its global sequence) and the live alerts instead. PGlite runs transactions one
 * at a time, so these watermarks see rows in commit order and miss none.
 */
export class PollingSource implements LiveEventSource {
  private timer: NodeJS.Timeout | null = null;
  private lastSeq = 0n;
  private lastAlertAt = new Date(0);
  private readonly alertsAtWatermark = new Set<string>();

  constructor(
    private readonly db: () => PrismaClient,
    private readonly intervalMs = 200,
  ) {}

  async start(emit: Listener): Promise<void> {
    const db = this.db();
    const latest = await db.timelineEvent.aggregate({ _max: { seq: true } });
    this.lastSeq = latest._max.seq ?? 0n;
    const latestAlert = await db.outboxMessage.aggregate({
      where: { channel: 'LIVE_ALERT' },
      _max: { createdAt: true },
    });
    this.lastAlertAt = latestAlert._max.createdAt ?? new Date(0);
    const seen = await db.outboxMessage.findMany({
      where: { channel: 'LIVE_ALERT', createdAt: this.lastAlertAt },
      select: { id: true },
    });
    for (const row of seen) this.alertsAtWatermark.add(row.id);
    const poll = async () => {
      try {
        await this.poll(emit);
      } finally {
        if (this.timer) this.timer = setTimeout(poll, this.intervalMs);
      }
    };
    this.timer = setTimeout(poll, this.intervalMs);
  }

  private async poll(emit: Listener): Promise<void> {
    const db = this.db();
    const events = await db.timelineEvent.findMany({
      where: { seq: { gt: this.lastSeq }, caseId: { not: null } },
      orderBy: { seq: 'asc' },
      take: 500,
      select: { id: true, seq: true, tenantId: true, caseId: true, type: true },
    });
    for (const event of events) {
      this.lastSeq = event.seq;
      if (event.caseId) {
        emit({
          kind: 'CASE_UPDATED',
          tenantId: event.tenantId,
          caseId: event.caseId,
          eventId: event.id,
          type: event.type,
        });
      }
    }
    const alerts = await db.outboxMessage.findMany({
      where: { channel: 'LIVE_ALERT', createdAt: { gte: this.lastAlertAt } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
      select: { id: true, tenantId: true, createdAt: true },
    });
    for (const alert of alerts) {
      if (alert.createdAt.getTime() === this.lastAlertAt.getTime() && this.alertsAtWatermark.has(alert.id)) continue;
      if (alert.createdAt.getTime() > this.lastAlertAt.getTime()) {
        this.lastAlertAt = alert.createdAt;
        this.alertsAtWatermark.clear();
      }
      this.alertsAtWatermark.add(alert.id);
      emit({ kind: 'LIVE_ALERT', tenantId: alert.tenantId, messageId: alert.id });
    }
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearTimeout(timer);
  }
}

/**
 * Fans live events out to GraphQL subscriptions. The source starts with the first subscriber
 * and stops with the last one.
 */
export class LiveEventHub {
  private readonly listeners = new Set<Listener>();
  private starting: Promise<void> | null = null;

  constructor(private source: LiveEventSource) {}

  /** Swaps the source (start-up decides between LISTEN/NOTIFY and polling). */
  async useSource(source: LiveEventSource): Promise<void> {
    const wasRunning = this.starting !== null;
    if (wasRunning) await this.stopSource();
    this.source = source;
    if (wasRunning && this.listeners.size > 0) await this.ensureStarted();
  }

  private ensureStarted(): Promise<void> {
    this.starting ??= this.source.start((event) => {
      for (const listener of this.listeners) listener(event);
    });
    return this.starting;
  }

  private async stopSource(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    await starting?.catch(() => undefined);
    await this.source.stop();
  }

  /** Events that pass `accept`, as an async iterator for a subscription resolver. */
  subscribe<T>(accept: (event: LiveEvent) => T | null): Repeater<T> {
    return new Repeater<T>(async (push, stop) => {
      const listener: Listener = (event) => {
        const value = accept(event);
        if (value !== null) void push(value);
      };
      this.listeners.add(listener);
      try {
        await this.ensureStarted();
      } catch (error) {
        this.listeners.delete(listener);
        stop(error);
        return;
      }
      await stop;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) await this.stopSource();
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stopSource();
  }
}

/**
 * What was committed since a point in time (read from the database), then the live events; a
 * value in both is delivered once. The live listener is registered before the replay query
 * runs, so nothing committed in between is lost, and a client that reconnects with the time of
 * the last value it saw misses nothing.
 */
export function replayThenLive<T>(
  live: Repeater<T>,
  replay: () => Promise<readonly T[]>,
  keyOf: (value: T) => string,
): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const replayed = new Set<string>();
    const held: T[] = [];
    let replaying = true;
    const pump = (async () => {
      for await (const value of live) {
        if (replaying) held.push(value);
        else if (!replayed.has(keyOf(value))) await push(value);
      }
    })();
    pump.catch((error: unknown) => stop(error));
    try {
      for (const value of await replay()) {
        replayed.add(keyOf(value));
        await push(value);
      }
      for (let value = held.shift(); value !== undefined; value = held.shift()) {
        if (!replayed.has(keyOf(value))) await push(value);
      }
      replaying = false;
    } catch (error) {
      stop(error);
    }
    await stop;
    await live.return();
    await pump.catch(() => undefined);
  });
}

let hub: LiveEventHub | undefined;

/** The process-wide hub; polls through the process-wide Prisma client until start-up says otherwise. */
export function liveEvents(): LiveEventHub {
  hub ??= new LiveEventHub(new PollingSource(prisma));
  return hub;
}

/**
 * Chooses the source: LISTEN/NOTIFY on a PostgreSQL server, polling on the embedded database.
 */
export async function configureLiveEvents(options: {
  embedded: boolean;
  databaseUrl: string;
  db?: PrismaClient;
  logger?: Logger;
}): Promise<LiveEventHub> {
  const source = options.embedded
    ? new PollingSource(() => options.db ?? prisma())
    : new ListenNotifySource(options.databaseUrl, options.logger);
  await liveEvents().useSource(source);
  return liveEvents();
}
