import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { groupParams } from '../../../contracts/groups.ts';
import type { Deps } from '../../deps.ts';
import { AppError, say } from '../../errors.ts';
import { m } from './events.messages.ts';
import { hashSecret } from '../../secrets.ts';
import { type Access, ACCESS_EXTENSION } from '../../endpoints.ts';
import { errors, typed } from '../../http.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import type { LiveEvent } from './bus.ts';

const HEARTBEAT_MS = 25_000;
/** A client this far behind is not reading: drop it, and let it reconnect. */
const MAX_BUFFERED_BYTES = 64 * 1024;
/** Live views one session (or one person's API tokens) may hold open in an instance. */
export const STREAMS_PER_SESSION = 5;
/** What a refused stream is told to wait before trying again, in seconds. */
const RETRY_AFTER_SECONDS = 30;

const streamQuery = z.strictObject({
  once: z
    .enum(['1'], { error: 'must be 1, or left out' })
    .optional()
    .describe('1: send the ready event and end (for checks that must not hang)'),
});

const eventStream = {
  description:
    'A text/event-stream: `ready` once, then one event per change (`checkin`, `agenda`, `consensus`, `vote`, `decision`, `meeting`) whose data is JSON with ids only; fetch what changed through the API.',
  content: { 'text/event-stream': { schema: z.string() } },
};

/** An event as the stream carries it: its type, and ids only. */
function frame(event: LiveEvent): string {
  const { type, ...ids } = event;
  return `event: ${type}\ndata: ${JSON.stringify(ids)}\n\n`;
}

/**
 * Counts open streams, in all and per holder, so nobody can tie up the
 * instance's connections: a stream over either limit is refused with a 429.
 */
class StreamLimits {
  private total = 0;
  private readonly byHolder = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a place for a stream; the returned function gives it back (once). */
  take(holder: string): () => void {
    const held = this.byHolder.get(holder) ?? 0;
    if (held >= STREAMS_PER_SESSION) {
      throw new AppError('rate_limited', say(m.tooManyOfYours, { count: STREAMS_PER_SESSION }));
    }
    if (this.total >= this.max) {
      throw new AppError('rate_limited', m.full);
    }
    this.total += 1;
    this.byHolder.set(holder, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byHolder.get(holder) ?? 1) - 1;
      if (left > 0) this.byHolder.set(holder, left);
      else this.byHolder.delete(holder);
    };
  }
}

export function eventRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);
  const open = new Set<ServerResponse>();
  const limits = new StreamLimits(deps.config.liveStreamsMax);

  // Streams never finish by themselves: end them so the server can close.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  // Plain Fastify: the stream holds its connection itself, past the end of the handler.
  api.get('/api/v1/groups/:groupId/events', {
    schema: {
      operationId: 'streamGroupEvents',
      tags: ['Live'],
      [ACCESS_EXTENSION]: 'meeting.view' satisfies Access,
      summary:
        'Live changes in the group (check-ins, agenda, consensus checks, votes, decisions, meetings) as server-sent events',
      params: groupParams,
      querystring: streamQuery,
      response: { 200: eventStream, ...errors },
    },
    handler: async (request, reply) => {
      const { groupId } = request.params;
      const actor = request.actor;
      await requireGroupAccess(deps.db, actor, groupId, 'meeting.view');

      const holdsStream = !request.query.once && request.method !== 'HEAD';
      let release = () => {};
      if (holdsStream) {
        // Per session; a person's API tokens share one allowance.
        const holder = request.sessionToken
          ? `session:${hashSecret(request.sessionToken)}`
          : `person:${actor?.userId ?? 'anonymous'}`;
        try {
          release = limits.take(holder);
        } catch (error) {
          reply.header('retry-after', String(RETRY_AFTER_SECONDS));
          throw error;
        }
      }

      // From here the reply is ours: Fastify's onSend hooks (and their headers) do not run.
      reply.hijack();
      const response = reply.raw;
      const headers: OutgoingHttpHeaders = {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': request.id,
      };
      const ready = `retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ groupId })}\n\n`;
      // HEAD (which Fastify adds for every GET) has no body to stream either.
      if (request.query.once || request.method === 'HEAD') {
        response.writeHead(200, headers);
        response.end(ready);
        return;
      }

      const send = (chunk: string) => {
        if (response.writableEnded) return;
        response.write(chunk);
        if (response.writableLength > MAX_BUFFERED_BYTES) response.destroy();
      };
      // Subscribed before `ready`, so nothing published after the client sees it is missed.
      const unsubscribe = deps.events.subscribe(
        groupId,
        (event) => send(frame(event)),
        // Events may have been missed: ending makes the client reconnect and fetch again.
        () => response.end(),
      );
      // Someone removed from the group stops hearing it at the next heartbeat.
      const heartbeat = setInterval(() => {
        requireGroupAccess(deps.db, actor, groupId, 'meeting.view').then(
          () => send(': keep-alive\n\n'),
          () => response.end(),
        );
      }, HEARTBEAT_MS);
      let cleaned = false;
      const cleanUp = () => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(response);
        release();
      };
      request.raw.on('close', cleanUp);
      response.on('close', cleanUp);
      open.add(response);
      // Gone while we checked access: 'close' has already fired.
      if (request.raw.socket.destroyed) return cleanUp();

      response.writeHead(200, headers);
      send(ready);
    },
  });
}
