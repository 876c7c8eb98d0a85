import { z } from 'zod';
import { email, id, password, secretToken, text, timestamp } from './common.ts';

export const me = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    isAdmin: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const registerBody = z.strictObject({
  name: text({ min: 1, max: 200 }),
  email,
  password,
});

export const signInBody = z.strictObject({
  email,
  password: z.string({ error: 'must be text' }).min(1, 'is required').max(200, 'is too long'),
});

export const requestLinkBody = z.strictObject({ email });

export const signInWithLinkBody = z.strictObject({ token: secretToken });

export const resetPasswordBody = z.strictObject({ token: secretToken, password });

export const accepted = z.object({ message: z.string() });

export const apiToken = z
  .object({
    id,
    name: z.string(),
    prefix: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenList = z.object({ tokens: z.array(apiToken) });

export const createApiTokenBody = z.strictObject({ name: text({ min: 1, max: 100 }) });

export const createdApiToken = z.object({
  token: apiToken,
  /** Shown once: only its hash is kept. */
  secret: z.string(),
});

export const tokenParams = z.strictObject({ tokenId: id });

export const csrf = z.object({ csrfToken: z.string() });
