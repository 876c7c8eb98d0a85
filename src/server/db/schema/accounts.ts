import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uuid,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { LANGUAGES, TOKEN_PURPOSES } from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Other names the person goes by ("Sam"): the attribution check looks for them too. */
    knownAs: text('known_as')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What the person does ("practice manager"), so the attribution check knows it points to them. */
    jobTitle: text('job_title'),
    /** Who they work for or represent ("Citizens Advice"), for the same reason. */
    organisation: text('organisation'),
    passwordHash: text('password_hash'),
    isAdmin: boolean('is_admin').notNull().default(false),
    /** The language the person chose for the app and their emails ('en-GB' or 'cy'); null until they choose. */
    language: text('language', { enum: LANGUAGES }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('users_language_known', oneOf(t.language, LANGUAGES)),
    check(
      'users_job_title_length',
      sql`${t.jobTitle} is null or char_length(${t.jobTitle}) between 1 and 120`,
    ),
    check(
      'users_organisation_length',
      sql`${t.organisation} is null or char_length(${t.organisation}) between 1 and 120`,
    ),
  ],
);

/** Sessions live in the database so that several app instances share them. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use tokens sent by email: sign-in links and password resets. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: TOKEN_PURPOSES }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** For an email change: the new address, which the link was sent to. */
    newEmail: text('new_email'),
  },
  (t) => [
    check('one_time_tokens_purpose', oneOf(t.purpose, TOKEN_PURPOSES)),
    check(
      'one_time_tokens_new_email',
      sql`(${t.purpose} = 'email_change') = (${t.newEmail} is not null)`,
    ),
  ],
);

/**
 * A registration waiting for its emailed link: the account is created only
 * when the link is opened (with the password chosen), so registering never
 * tells anyone whether an address already has an account.
 */
export const registrations = pgTable(
  'registrations',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The language chosen when registering: the account starts with it. */
    language: text('language', { enum: LANGUAGES }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('registrations_email_idx').on(t.email),
    check('registrations_language_known', oneOf(t.language, LANGUAGES)),
  ],
);

/** Sign-in attempts, counted in the database so that the limit holds across instances. */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_attempts_key_idx').on(t.key, t.attemptedAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
  ],
);
