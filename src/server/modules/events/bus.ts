import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';

/** The PostgreSQL channel every instance listens on. */
export const LIVE_CHANNEL = 'accord_live';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;

/**
 * The same event published again within this time goes out once more at its
 * end, not each time: a storm of ballots tells open meeting views "the vote
 * changed" a few times a second, not once per ballot (each NOTIFY is a commit
 * that every instance then reads). Events carry ids only, so one is as good as
 * many; the last is never lost.
 */
export const COALESCE_MS = 100;

const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export const LIVE_EVENT_TYPES = [
  'checkin',
  'agenda',
  'consensus',
  'vote',
  'decision',
  'meeting',
] as const;

/**
 * What changed, and where: ids only, never content, so a client learns nothing
 * it could not already see and fetches the rest through the API as itself.
 * Unknown fields are dropped, so a newer instance can add one without breaking
 * older ones during a rolling deploy.
 */
const liveEvent = z.object({
  type: z.enum(LIVE_EVENT_TYPES),
  groupId: z.uuid(),
  meetingId: z.uuid().nullish(),
  proposalId: z.uuid().nullish(),
});

export type LiveEvent = z.infer<typeof liveEvent>;

export type LiveListener = (event: LiveEvent) => void;

export type EventBus = {
  /** Delivers to subscribers in every instance, this one included; never throws (logs and drops). */
  publish(event: LiveEvent): Promise<void>;
  /**
   * Listens to one group's events; returns the unsubscribe function. `onGap`
   * is called when events may have been missed (the bus lost its connection
   * and is back), so the subscriber can tell its client to fetch again.
   */
  subscribe(groupId: string, listener: LiveListener, onGap?: () => void): () => void;
  close(): Promise<void>;
};

/**
 * Live events for the meeting view. On PostgreSQL they travel through
 * LISTEN/NOTIFY, so a change made on one instance reaches streams open on every
 * other; the embedded database is one process, so they stay in it.
 * Publish after the transaction that made the change has committed.
 */
export async function createEventBus(
  database: Database,
  log: FastifyBaseLogger,
): Promise<EventBus> {
  const local = new LocalSubscribers(log);
  if (database.engine === 'pglite') {
    const coalescer = new Coalescer(async (payload) => {
      local.dispatch(JSON.parse(payload) as LiveEvent);
    });
    return {
      async publish(event) {
        const valid = checked(event, log);
        if (valid) await coalescer.push(JSON.stringify(valid));
      },
      subscribe: (groupId, listener, onGap) => local.add(groupId, listener, onGap),
      async close() {
        coalescer.close();
        local.clear();
      },
    };
  }

  const listener = new NotificationListener(database, log, local);
  await listener.start();
  // This instance hears its own NOTIFY too: that is how its subscribers get it, once.
  const coalescer = new Coalescer(async (payload) => {
    try {
      await database.query('select pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
    } catch (error) {
      const type = (JSON.parse(payload) as LiveEvent).type;
      log.warn({ err: error, type }, 'live event dropped: could not notify');
    }
  });
  return {
    async publish(event) {
      const valid = checked(event, log);
      if (!valid) return;
      const payload = JSON.stringify(valid);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        log.warn({ type: valid.type }, 'live event dropped: too large');
        return;
      }
      await coalescer.push(payload);
    },
    subscribe: (groupId, fn, onGap) => local.add(groupId, fn, onGap),
    async close() {
      coalescer.close();
      await listener.stop();
      local.clear();
    },
  };
}

/**
 * Sends a payload at once, then at most once more per COALESCE_MS while the
 * same payload keeps being pushed: the first push goes out, later ones within
 * the window are folded into one send at its end. Never throws (send must not).
 */
export class Coalescer {
  private readonly windows = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(
    private readonly send: (payload: string) => Promise<void>,
    private readonly windowMs = COALESCE_MS,
  ) {}

  async push(payload: string): Promise<void> {
    if (this.closed) return;
    const open = this.windows.get(payload);
    if (open) {
      open.again = true;
      return;
    }
    this.open(payload);
    await this.send(payload);
  }

  private open(payload: string): void {
    const window = {
      again: false,
      timer: setTimeout(() => {
        this.windows.delete(payload);
        if (!window.again || this.closed) return;
        // What was folded in goes out now, and opens a window of its own.
        this.open(payload);
        void this.send(payload);
      }, this.windowMs),
    };
    window.timer.unref();
    this.windows.set(payload, window);
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }
}

/** The event as it may travel, or null (logged) when a caller passed something else. */
function checked(event: LiveEvent, log: FastifyBaseLogger): LiveEvent | null {
  const parsed = liveEvent.safeParse(event);
  if (parsed.success) return parsed.data;
  log.warn({ type: event.type }, 'live event dropped: not valid');
  return null;
}

type Subscriber = { listener: LiveListener; onGap: (() => void) | undefined };

/** This instance's subscribers, by group. */
class LocalSubscribers {
  private readonly byGroup = new Map<string, Set<Subscriber>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  add(groupId: string, listener: LiveListener, onGap?: () => void): () => void {
    const subscriber: Subscriber = { listener, onGap };
    let set = this.byGroup.get(groupId);
    if (!set) {
      set = new Set();
      this.byGroup.set(groupId, set);
    }
    set.add(subscriber);
    return () => {
      const current = this.byGroup.get(groupId);
      if (!current) return;
      current.delete(subscriber);
      if (current.size === 0) this.byGroup.delete(groupId);
    };
  }

  dispatch(event: LiveEvent): void {
    for (const subscriber of [...(this.byGroup.get(event.groupId) ?? [])]) {
      this.safely(() => subscriber.listener(event));
    }
  }

  /** Tells every subscriber that events may have been missed. */
  gap(): void {
    for (const set of [...this.byGroup.values()]) {
      for (const subscriber of [...set]) {
        if (subscriber.onGap) this.safely(subscriber.onGap);
      }
    }
  }

  clear(): void {
    this.byGroup.clear();
  }

  /** One failing subscriber must not keep the event from the others. */
  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log.warn({ err: error }, 'live event subscriber failed');
    }
  }
}

/**
 * One dedicated connection (LISTEN needs a session, so not a pooled one) that
 * hears every instance's events and hands them to this instance's subscribers.
 * When it drops it comes back with backoff; subscribers are then told of the gap.
 */
class NotificationListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private readonly connectionString: string;

  constructor(
    database: Database,
    private readonly log: FastifyBaseLogger,
    private readonly local: LocalSubscribers,
  ) {
    const connectionString = database.pool?.options.connectionString;
    if (!connectionString) throw new Error('Live events need the PostgreSQL connection string.');
    this.connectionString = connectionString;
  }

  /** Connects once; if that fails, the instance still starts and keeps trying. */
  async start(): Promise<void> {
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(afterDrop: boolean): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      application_name: 'accord live events',
    });
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn({ err: error }, 'live events connection lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${LIVE_CHANNEL}`);
    } catch (error) {
      drop(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    // Whatever was notified while no one was listening is lost: subscribers fetch again.
    if (afterDrop) this.local.gap();
  }

  private scheduleReconnect(): void {
    if (this.retry || this.stopped) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failures);
    this.failures += 1;
    this.retry = setTimeout(
      () => {
        this.retry = null;
        void this.connect(true);
      },
      delay * (0.75 + Math.random() * 0.5),
    );
    this.retry.unref();
  }

  private receive(payload: string | undefined): void {
    let data: unknown;
    try {
      data = JSON.parse(payload ?? '');
    } catch {
      data = undefined;
    }
    const parsed = liveEvent.safeParse(data);
    if (parsed.success) this.local.dispatch(parsed.data);
    else this.log.debug('live event ignored: not one of ours');
  }
}
