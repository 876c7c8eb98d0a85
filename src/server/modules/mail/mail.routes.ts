import { outboxList } from '../../../contracts/admin.ts';
import { answerAs, op, routes } from '../../endpoints.ts';
import { listOutbox } from './mail.service.ts';

// prettier-ignore
export const mailRoutes = routes('Administration', {
  listOutbox: op('GET /api/v1/admin/outbox', 'outbox.read', answerAs('messages', listOutbox), { response: { 200: outboxList } }, 'Recent mail, for an administrator (the way to read mail when no SMTP server is set)'),
});
