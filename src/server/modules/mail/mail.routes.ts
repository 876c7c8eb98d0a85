import type { FastifyInstance } from 'fastify';
import { outboxList } from '../../../contracts/admin.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import { listOutbox } from './mail.service.ts';

export function mailRoutes(app: FastifyInstance, deps: Deps): void {
  typed(app).get('/api/v1/admin/outbox', {
    schema: {
      operationId: 'listOutbox',
      tags: ['Administration'],
      summary:
        'Recent mail, for an administrator (the way to read mail when no SMTP server is set)',
      response: { 200: outboxList, ...errors },
    },
    handler: async (request) => ({ messages: await listOutbox(deps, request.actor) }),
  });
}
