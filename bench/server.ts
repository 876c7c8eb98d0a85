import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/server/config.ts';
import { users } from '../src/server/db/schema/index.ts';
import type { Deps } from '../src/server/deps.ts';
import { serve } from '../src/server/main.ts';

/**
 * Accord as `accord serve` runs it, plus two routes that exist only here:
 * the ceilings the real routes are measured against.
 */
function benchRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/bench/bare', async () => ({ ok: true }));
  app.get<{ Params: { id: string } }>('/bench/select/:id', async (request, reply) => {
    const [row] = await deps.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.id, request.params.id));
    return row ?? reply.status(404).send({ ok: false });
  });
}

const app = await serve(loadConfig(), { extraRoutes: benchRoutes });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('not listening on a port');
// The parent reads this line to find the port (request logging is off while measuring).
console.log(JSON.stringify({ benchReady: `http://127.0.0.1:${address.port}` }));
