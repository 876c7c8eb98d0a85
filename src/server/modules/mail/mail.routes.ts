import { outboxList } from '../../../contracts/admin.ts';
import { endpoint, routes } from '../../endpoints.ts';
import { listOutbox } from './mail.service.ts';

export const mailRoutes = routes('Administration', {
  listOutbox: endpoint({
    route: 'GET /api/v1/admin/outbox',
    access: 'outbox.read',
    summary: 'Recent mail, for an administrator (the way to read mail when no SMTP server is set)',
    response: { 200: outboxList },
    run: async (_, { deps, actor }) => ({ messages: await listOutbox(deps, actor) }),
  }),
});
