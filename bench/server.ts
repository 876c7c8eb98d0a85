import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eligibleVoters } from '../src/policy/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { users } from '../src/server/db/schema/index.ts';
import type { Deps } from '../src/server/deps.ts';
import { serve } from '../src/server/main.ts';
import { decisionRules, peopleNow } from '../src/server/modules/decisions/context.ts';
import { findGroup } from '../src/server/modules/working-groups/working-groups.repository.ts';

/**
 * Accord as `accord serve` runs it, plus routes that exist only here: the
 * ceilings the real routes are measured against, the eligibility snapshot a
 * vote takes when it opens, marking a group's membership changed (as any
 * attendance change does) so that the next read works it out afresh, and this
 * process's event-loop delay.
 */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function benchRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/bench/bare', async () => ({ ok: true }));
  app.get<{ Params: { id: string } }>('/bench/select/:id', async (request, reply) => {
    const [row] = await deps.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.id, request.params.id));
    return row ?? reply.status(404).send({ ok: false });
  });
  // Who could vote if a vote opened now: what opening a vote computes before it writes.
  app.get<{ Params: { groupId: string } }>('/bench/eligibility/:groupId', async (request) => {
    const group = await findGroup(deps.db, request.params.groupId);
    if (!group) throw new Error('no such group');
    const rules = await decisionRules(deps.db, group);
    const people = await peopleNow(deps.db, group.id, rules, null);
    return { people: people.length, eligible: eligibleVoters(people, rules.terms).length };
  });
  // What an attendance change does to the kept membership, without changing anyone's attendance.
  app.post<{ Params: { groupId: string } }>('/bench/changed/:groupId', async (request) => {
    await deps.db.execute(
      sql`select accord_membership_changed(array[${request.params.groupId}]::uuid[])`,
    );
    return { ok: true };
  });
  // Event-loop delay since the last reset, in milliseconds; `?reset=1` starts again.
  app.get<{ Querystring: { reset?: string } }>('/bench/event-loop', async (request) => {
    const ms = (ns: number) => ns / 1e6;
    const answer = {
      p50Ms: ms(loopDelay.percentile(50)),
      p99Ms: ms(loopDelay.percentile(99)),
      maxMs: ms(loopDelay.max),
      samples: loopDelay.count,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    if (request.query.reset) loopDelay.reset();
    return answer;
  });
}

const app = await serve(loadConfig(), { extraRoutes: benchRoutes });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('not listening on a port');
// The parent reads this line to find the port (request logging is off while measuring).
console.log(JSON.stringify({ benchReady: `http://127.0.0.1:${address.port}` }));
