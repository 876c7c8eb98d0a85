import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { errors, typed } from '../../http.ts';

const status = z.object({ status: z.literal('ok') });

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);
  api.get('/healthz', {
    schema: {
      operationId: 'health',
      tags: ['Operations'],
      summary: 'The process is up',
      response: { 200: status },
    },
    handler: async () => ({ status: 'ok' as const }),
  });
  api.get('/readyz', {
    schema: {
      operationId: 'ready',
      tags: ['Operations'],
      summary: 'The database answers',
      response: { 200: status, ...errors },
    },
    handler: async () => {
      try {
        await deps.database.query('select 1');
      } catch {
        throw new AppError('unavailable', 'The database is not reachable.');
      }
      return { status: 'ok' as const };
    },
  });
}
