import { z } from 'zod';
import { id, timestamp } from './common.ts';

export const outboxMessage = z
  .object({
    id,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(['pending', 'sent', 'logged', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxList = z.object({ messages: z.array(outboxMessage) });
