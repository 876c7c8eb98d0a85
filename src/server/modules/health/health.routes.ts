import { z } from 'zod';
import { ERROR_STATUS } from '../../errors.ts';
import { endpoint, routes } from '../../endpoints.ts';
import { RETRY_AFTER_SECONDS } from '../../plugins/error-handler.ts';
import { probeDatabase } from './health.service.ts';

const health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
});

/** /readyz while the database is away: the health answer and the one error shape together. */
const notReady = health
  .extend({
    status: z.literal('degraded'),
    error: z.object({ code: z.literal('unavailable'), message: z.string() }),
  })
  .describe('Degraded: the database cannot be reached; try again after Retry-After seconds.');

export const healthRoutes = routes('Operations', {
  health: endpoint({
    route: 'GET /healthz',
    access: 'public',
    summary: 'The process is up (200 even while the database is away, which says "degraded")',
    response: { 200: health },
    noErrors: true,
    run: async (_, { deps }) => {
      const database = await probeDatabase(deps);
      return { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), database };
    },
  }),
  ready: endpoint({
    route: 'GET /readyz',
    access: 'public',
    summary: 'The database answers (503 "degraded" with Retry-After while it does not)',
    response: { 200: health, 503: notReady },
    run: async (_, { deps, reply }) => {
      const database = await probeDatabase(deps);
      if (database === 'ok') return { status: 'ok' as const, database };
      return reply
        .status(ERROR_STATUS.unavailable)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({
          status: 'degraded' as const,
          database,
          error: {
            code: 'unavailable' as const,
            message: 'The database cannot be reached just now.',
          },
        });
    },
  }),
});
