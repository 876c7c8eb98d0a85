import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { email, id, password, secretToken, text, timestamp } from './common.ts';

/** A language Accord speaks: English (United Kingdom) or Welsh. */
const language = z.enum(LOCALES, { error: "must be 'en-GB' (English) or 'cy' (Cymraeg)" });

export const me = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    /** Other names the person goes by, such as "Sam". */
    knownAs: z.array(z.string()),
    /** What the person does, such as "practice manager"; null when not given. */
    jobTitle: z.string().nullable(),
    /** Who they work for or represent, such as "Citizens Advice"; null when not given. */
    organisation: z.string().nullable(),
    isAdmin: z.boolean(),
    /** The language chosen for pages and emails; null until the person chooses one. */
    language: language.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

/** Who is signed in on this browser, if anyone: asking is never an error. */
export const session = z.object({ user: me.nullable() }).meta({ id: 'Session' });
export type Session = z.infer<typeof session>;

/** One other name: letters (any alphabet), spaces, hyphens, apostrophes and full stops. */
const otherName = text({ min: 1, max: 60 }).pipe(
  z
    .string()
    .regex(
      /^[\p{L}\p{M}][\p{L}\p{M}' ’.-]*$/u,
      'must be a name: letters, with spaces, hyphens, apostrophes or full stops between them',
    ),
);

/**
 * A few words about your work; empty (or null) clears it. The attribution
 * check looks for them, so that "the practice manager felt…" is caught.
 */
const aboutWork = text({ max: 120 }).nullable().optional();

export const updateMeBody = z
  .strictObject({
    name: text({ min: 1, max: 200 }).optional(),
    /** Every other name you go by; the list replaces the one kept. */
    knownAs: z
      .array(otherName, { error: 'must be a list of names' })
      .max(5, 'must list at most 5 names')
      .optional(),
    /** What you do, such as "practice manager". */
    jobTitle: aboutWork,
    /** Who you work for or represent, such as "Citizens Advice". */
    organisation: aboutWork,
    /** The language for pages and emails. */
    language: language.optional(),
  })
  .refine((b) => Object.values(b).some((value) => value !== undefined), {
    message:
      'send a name, the names you go by (knownAs), a job title, an organisation or a language to change',
    path: ['name'],
  });

export const changeEmailBody = z.strictObject({ email });

export const confirmEmailBody = z.strictObject({ token: secretToken });

export const signInBody = z.strictObject({
  email,
  password: z.string({ error: 'must be text' }).min(1, 'is required').max(200, 'is too long'),
});

/** A page of this site to go to after signing in: a path, never another site. */
const nextPath = z
  .string({ error: 'must be a path on this site' })
  .max(1000, 'must be at most 1000 characters')
  .refine(
    (p) => /^\/(?![/\\])/.test(p) && ![...p].some((ch) => ch.charCodeAt(0) < 32),
    'must be a path on this site, starting with one /',
  );

export const requestLinkBody = z.strictObject({ email });

export const registerBody = z.strictObject({
  name: text({ min: 1, max: 200 }),
  email,
  password,
  /** Where the emailed link takes you once the account exists (such as back to an invitation). */
  next: nextPath.optional(),
  /** The language to write to you in, and to keep on the account. */
  language: language.optional(),
});

/** The emailed registration link's token, with the password chosen when registering. */
export const confirmRegistrationBody = z.strictObject({
  token: secretToken,
  password: z.string({ error: 'must be text' }).min(1, 'is required').max(200, 'is too long'),
});

export const requestSignInLinkBody = z.strictObject({
  email,
  /** Where the link takes you once signed in (such as back to an invitation). */
  next: nextPath.optional(),
});

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
