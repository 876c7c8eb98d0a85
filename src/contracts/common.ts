import { z } from 'zod';

/** Text from a person: trimmed, no NUL bytes, no lone surrogates, a clear length limit. */
export function text(options: { min?: number; max: number; label?: string }) {
  const min = options.min ?? 0;
  return (
    z
      .string({ error: 'must be text' })
      .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
      .refine((s) => s.isWellFormed(), 'must be valid Unicode text (it has a broken character)')
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(min, min <= 1 ? 'must not be empty' : `must be at least ${min} characters`)
          .max(options.max, `must be at most ${options.max} characters`),
      )
      // The limits, for the OpenAPI document (the checks above are what apply).
      .meta({ maxLength: options.max, ...(min > 0 ? { minLength: min } : {}) })
  );
}

export const email = z
  .string({ error: 'must be an email address' })
  .max(254, 'must be at most 254 characters')
  .refine((s) => !s.includes('\u0000') && s.isWellFormed(), 'must be an email address')
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('must be an email address such as name@example.org'));

export const password = z
  .string({ error: 'must be text' })
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !s.includes('\u0000') && s.isWellFormed(), 'must be valid Unicode text');

/** The largest whole number PostgreSQL's `integer` holds: no request may carry a bigger one. */
export const INT4_MAX = 2_147_483_647;

export const id = z.uuid({ error: 'must be an id (a UUID)' });

/** A secret token carried in a link: URL-safe characters only. */
export const secretToken = z
  .string({ error: 'must be the token from your link' })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the token from your link, copied in full');

export const timestamp = z.iso.datetime({ offset: true });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      /** In the reader's language: the account's, else Accept-Language's, else English. */
      message: z.string(),
      /**
       * Why, as a stable id a client may branch on ("notes.attributedViews",
       * "decisions.alreadyVoted"); the message's words may change, this does not.
       */
      reason: z.string().optional(),
      /** Each bad input's name, and what is wrong with it, in the same language. */
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const ok = z.object({ ok: z.literal(true) });

export type ErrorBody = z.infer<typeof errorBody>;
