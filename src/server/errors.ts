import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.ts';
import { intlFor } from './i18n.ts';

/**
 * The one error vocabulary: every error the API returns has one of these codes,
 * and this table is the only place a code is mapped to an HTTP status.
 */
export const ERROR_STATUS = {
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A value worded differently in each language, such as a date. */
export type Localised = (locale: Locale) => string;

export type Values = Record<string, string | number | Localised>;

/**
 * Words the API says to a person: a message of the `api` catalogue, with its
 * values. The error handler words them in the reader's language.
 */
export type Words = MessageDescriptor | { message: MessageDescriptor; values: Values };

/** A message with values, as `Words`. */
export function say(message: MessageDescriptor, values: Values): Words {
  return { message, values };
}

export function descriptorOf(words: Words): MessageDescriptor {
  return 'message' in words ? words.message : words;
}

export function valuesOf(words: Words): Values | undefined {
  return 'message' in words ? words.values : undefined;
}

/** Each bad input's name, and what is wrong with it. */
export type FieldErrors = Record<string, Words>;

/**
 * The stable reason a client may branch on: the message's id without its
 * namespace ("api.notes.attributedViews" is "notes.attributedViews").
 */
export function reasonOf(message: MessageDescriptor): string {
  return String(message.id).replace(/^api\./, '');
}

/** Formats `words` in a language (English unless told), for a response or the log. */
export function wordsIn(locale: string | null | undefined, words: Words): string {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const values = Object.fromEntries(
    Object.entries(valuesOf(words) ?? {}).map(([name, value]) => [
      name,
      typeof value === 'function' ? value(chosen) : value,
    ]),
  );
  return intlFor(chosen).formatMessage(descriptorOf(words), values);
}

export class AppError extends Error {
  /** For a 429 (or 503): how many seconds to wait, sent as Retry-After. */
  retryAfterSeconds: number | undefined;
  /** The stable reason, e.g. `notes.attributedViews`. */
  readonly reason: string;

  constructor(
    readonly code: ErrorCode,
    readonly words: Words,
    readonly fields?: FieldErrors,
  ) {
    super(wordsIn(DEFAULT_LOCALE, words));
    this.reason = reasonOf(descriptorOf(words));
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The general words of the error vocabulary. */
export const general = defineMessages({
  needsFixing: { id: 'api.request.needsFixing', defaultMessage: 'Some details need fixing.' },
  signIn: { id: 'api.request.signIn', defaultMessage: 'Sign in to do this.' },
  notAllowed: {
    id: 'api.request.notAllowed',
    defaultMessage: 'Your account is not allowed to do this.',
  },
  notFound: { id: 'api.request.notFound', defaultMessage: 'Not found.' },
  that: { id: 'api.notFound.that', defaultMessage: 'That was not found.' },
});

/** What a missing thing answers, one message each (and one reason each: `notFound.meeting`). */
export const NOT_FOUND = defineMessages({
  group: { id: 'api.notFound.group', defaultMessage: 'That group was not found.' },
  meeting: { id: 'api.notFound.meeting', defaultMessage: 'That meeting was not found.' },
  agendaItem: { id: 'api.notFound.agendaItem', defaultMessage: 'That agenda item was not found.' },
  paper: { id: 'api.notFound.paper', defaultMessage: 'That paper was not found.' },
  person: { id: 'api.notFound.person', defaultMessage: 'That person was not found.' },
  proposal: { id: 'api.notFound.proposal', defaultMessage: 'That proposal was not found.' },
  action: { id: 'api.notFound.action', defaultMessage: 'That action was not found.' },
  release: { id: 'api.notFound.release', defaultMessage: 'That release was not found.' },
  file: { id: 'api.notFound.file', defaultMessage: 'That file was not found.' },
  offer: { id: 'api.notFound.offer', defaultMessage: 'That offer was not found.' },
  link: { id: 'api.notFound.link', defaultMessage: 'That link was not found.' },
  behaviourAgreement: {
    id: 'api.notFound.behaviourAgreement',
    defaultMessage: 'A behaviour agreement in force was not found.',
  },
  draft: { id: 'api.notFound.draft', defaultMessage: 'A draft was not found.' },
  termsInForce: {
    id: 'api.notFound.termsInForce',
    defaultMessage: 'Terms of Reference in force were not found.',
  },
  calendarFeed: {
    id: 'api.notFound.calendarFeed',
    defaultMessage: 'That calendar feed was not found.',
  },
  decision: { id: 'api.notFound.decision', defaultMessage: 'That decision was not found.' },
  invitation: { id: 'api.notFound.invitation', defaultMessage: 'That invitation was not found.' },
  personInGroup: {
    id: 'api.notFound.personInGroup',
    defaultMessage: 'That person in this group was not found.',
  },
  joinRequest: {
    id: 'api.notFound.joinRequest',
    defaultMessage: 'That request to join was not found.',
  },
  suggestion: { id: 'api.notFound.suggestion', defaultMessage: 'That suggestion was not found.' },
  token: { id: 'api.notFound.token', defaultMessage: 'That token was not found.' },
  termsVersion: {
    id: 'api.notFound.termsVersion',
    defaultMessage: 'Version {number} of these Terms of Reference was not found.',
  },
  linkRequest: {
    id: 'api.notFound.linkRequest',
    defaultMessage: 'That link request was not found.',
  },
});

/** What a resource someone may not see answers: exactly like one that does not exist. */
export function notFound(what: Words = general.that): AppError {
  return new AppError('not_found', what);
}

export const NOT_FOUND_GROUP = (): AppError => notFound(NOT_FOUND.group);

export function forbidden(words: Words): AppError {
  return new AppError('forbidden', words);
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', general.signIn);
}

export function conflict(words: Words, fields?: FieldErrors): AppError {
  return new AppError('conflict', words, fields);
}

/** Too many requests: says when to come back, in the message and in Retry-After. */
export function rateLimited(words: Words, retryAfterSeconds: number): AppError {
  const error = new AppError('rate_limited', words);
  error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return error;
}

export function invalid(fields: FieldErrors, words: Words = general.needsFixing): AppError {
  return new AppError('validation_failed', words, fields);
}
