import { z } from 'zod';
import { OUTBOX_STATUSES } from './domains.ts';
import { id, timestamp } from './common.ts';

export const outboxMessage = z
  .object({
    id,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxList = z.object({ messages: z.array(outboxMessage) });
