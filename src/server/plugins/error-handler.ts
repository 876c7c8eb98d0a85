import type { Duplex } from 'node:stream';
import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccessDenied } from '../access.ts';
import { databaseFault, type DatabaseFault } from '../db/faults.ts';
import { isLocale, pickLocale, type Locale } from '../../i18n/locales.ts';
import {
  AppError,
  ERROR_STATUS,
  general,
  reasonOf,
  say,
  wordsIn,
  descriptorOf,
  type ErrorCode,
  type FieldErrors,
  type Words,
} from '../errors.ts';
import { FIELD, fieldWords } from '../field-words.ts';

type Issue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

function fieldsFrom(issues: Issue[], context: string | undefined, input: unknown): FieldErrors {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter(Boolean);
    const base = path.join('.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[]) {
        const name = prefix + (base ? `${base}.${key}` : key);
        fields[name] = FIELD.notAccepted;
      }
      continue;
    }
    const name = prefix + (base || (context === 'body' ? 'body' : context || 'request'));
    fields[name] ??= plain(issue, valueAt(input, path));
  }
  return fields;
}

/** The value the client sent at a path, to tell a missing field from one of the wrong type. */
function valueAt(input: unknown, path: string[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function plain(issue: Issue, sent: unknown): Words {
  if (issue.keyword === 'invalid_type' && sent === undefined) return FIELD.required;
  // The schema's own words ("must be an email address") when it has them; Zod's defaults are not for people.
  const words = issue.message ? fieldWords(issue.message) : FIELD.notValid;
  return descriptorOf(words) === FIELD.unworded ? zodDefault(issue) : words;
}

/** Plain words for an issue Zod raised in its own words: by its kind and its limit. */
function zodDefault(issue: Issue): Words {
  const { origin, maximum, minimum, expected, values } = issue.params;
  const list = origin === 'array' || origin === 'set';
  switch (issue.keyword) {
    case 'invalid_type':
      return say(FIELD.mustBeType, { expected: String(expected) });
    case 'too_big': {
      const max = Number(maximum);
      if (origin === 'string') return say(FIELD.atMostCharacters, { max });
      return say(list ? FIELD.atMostItems : FIELD.atMost, { max });
    }
    case 'too_small': {
      const min = Number(minimum);
      if (origin === 'string')
        return min <= 1 ? FIELD.notEmpty : say(FIELD.atLeastCharacters, { min });
      return say(list ? FIELD.atLeastItems : FIELD.atLeast, { min });
    }
    case 'invalid_value':
      return Array.isArray(values)
        ? say(FIELD.oneOf, { values: values.map(String).join(', ') })
        : FIELD.notValid;
    default:
      return FIELD.notValid;
  }
}

function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'body') return request.body;
  if (context === 'params') return request.params;
  if (context === 'querystring') return request.query;
  if (context === 'headers') return request.headers;
  return undefined;
}

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

const m = defineMessages({
  unreachable: {
    id: 'api.database.unreachable',
    defaultMessage: 'The database cannot be reached just now. Please try again in a moment.',
  },
  timeout: {
    id: 'api.database.timeout',
    defaultMessage:
      'The database is taking too long to answer just now. Please try again in a moment.',
  },
  full: {
    id: 'api.database.full',
    defaultMessage:
      'The server has no room to save this; nothing was saved. Please try again later.',
  },
  contention: {
    id: 'api.database.contention',
    defaultMessage:
      'Another change to the same records was being saved at the same moment, so nothing of this one was saved. Please send it again.',
  },
  tooLarge: {
    id: 'api.request.tooLarge',
    defaultMessage: 'The request body is too large (the limit is 1 MB).',
  },
  notJson: {
    id: 'api.request.notJson',
    defaultMessage: 'Send the request body as JSON (Content-Type: application/json).',
  },
  emptyBody: {
    id: 'api.request.emptyBody',
    defaultMessage: 'The request body is empty; send a JSON object.',
  },
  contentLength: {
    id: 'api.request.contentLength',
    defaultMessage: 'The Content-Length header does not match the body.',
  },
  invalidJson: {
    id: 'api.request.invalidJson',
    defaultMessage: 'The request body is not valid JSON.',
  },
  notValid: { id: 'api.request.notValid', defaultMessage: 'The request is not valid.' },
  internal: {
    id: 'api.request.internal',
    defaultMessage: 'Something went wrong on our side. Please try again.',
  },
  addressTooLong: {
    id: 'api.request.addressTooLong',
    defaultMessage: 'A part of the address is too long.',
  },
  address: { id: 'api.request.address', defaultMessage: 'The address is not valid.' },
  headersTooLarge: {
    id: 'api.request.headersTooLarge',
    defaultMessage: 'The request headers (or its address) are too large.',
  },
  unreadable: { id: 'api.request.unreadable', defaultMessage: 'The request could not be read.' },
});

const FAULT_MESSAGES: Record<DatabaseFault, MessageDescriptor> = {
  unreachable: m.unreachable,
  timeout: m.timeout,
  full: m.full,
  contention: m.contention,
};

/** The signed-in person's chosen language, or null: how the error handler learns it. */
export type LanguageOf = (userId: string) => Promise<string | null>;

/** The language of the Accept-Language header's first language Accord speaks, if any. */
function headerLocale(request: FastifyRequest): Locale | null {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header.length > 1000) return null;
  const tags = header.split(',').map((part) => part.split(';')[0] ?? '');
  const known = tags.filter((tag) => /^(cy|en)([-_]|$)/i.test(tag.trim()));
  return known.length > 0 ? pickLocale(known) : null;
}

/**
 * The reader's language: the signed-in person's own choice, else the first of
 * ours their Accept-Language names, else English.
 */
async function readerLocale(
  request: FastifyRequest,
  languageOf: LanguageOf | undefined,
): Promise<Locale> {
  const userId = request.actor?.userId;
  if (userId && languageOf) {
    // A database that cannot answer must not stop the error from being told.
    const chosen = await languageOf(userId).catch(() => null);
    if (isLocale(chosen)) return chosen;
  }
  return headerLocale(request) ?? 'en-GB';
}

function worded(locale: Locale, fields: FieldErrors): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, words]) => [name, wordsIn(locale, words)]),
  );
}

/** The one error shape, in the reader's language: code, message, reason and each field's problem. */
function errorBodyOf(locale: Locale, code: ErrorCode, words: Words, fields?: FieldErrors) {
  return {
    error: {
      code,
      message: wordsIn(locale, words),
      reason: reasonOf(descriptorOf(words)),
      ...(fields ? { fields: worded(locale, fields) } : {}),
    },
  };
}

function send(
  reply: FastifyReply,
  locale: Locale,
  code: ErrorCode,
  words: Words,
  fields?: FieldErrors,
  retryAfterSeconds?: number,
) {
  // Every 429 and 503 says when to come back (a 429: a minute, unless the limit knows better).
  if (code === 'unavailable')
    reply.header('retry-after', String(retryAfterSeconds ?? RETRY_AFTER_SECONDS));
  else if (retryAfterSeconds !== undefined || code === 'rate_limited') {
    reply.header('retry-after', String(retryAfterSeconds ?? 60));
  }
  return reply
    .status(ERROR_STATUS[code])
    .type('application/json; charset=utf-8')
    .header('content-language', locale)
    .send(errorBodyOf(locale, code, words, fields));
}

/**
 * Maps every error to the one JSON shape, worded in the reader's language;
 * 5xx details never reach the client.
 */
export function registerErrorHandler(app: FastifyInstance, languageOf?: LanguageOf): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A database fault is not asked for the reader's language: it would only fail again.
    const fault = databaseFault(error);
    const locale = fault
      ? (headerLocale(request) ?? 'en-GB')
      : await readerLocale(request, languageOf);
    if (error instanceof AppError) {
      return send(reply, locale, error.code, error.words, error.fields, error.retryAfterSeconds);
    }
    if (error instanceof AccessDenied) {
      return error.anonymous
        ? send(reply, locale, 'unauthenticated', general.signIn)
        : send(reply, locale, 'forbidden', general.notAllowed);
    }
    // A database that is down, restarting, slow or out of disk: try again, not a bug.
    if (fault) {
      request.log.warn({ err: error, fault }, 'database unavailable');
      return send(reply, locale, 'unavailable', FAULT_MESSAGES[fault]);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext;
      const fields = fieldsFrom(error.validation as Issue[], context, inputOf(request, context));
      return send(reply, locale, 'validation_failed', general.needsFixing, fields);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, locale, 'payload_too_large', m.tooLarge);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, locale, 'unsupported_media_type', m.notJson);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, locale, 'malformed_request', m.emptyBody, { body: FIELD.required });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, locale, 'malformed_request', m.contentLength);
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return send(reply, locale, 'malformed_request', m.invalidJson, { body: FIELD.validJson });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return status === 404
        ? send(reply, locale, 'not_found', general.notFound)
        : send(reply, locale, 'malformed_request', m.notValid);
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, locale, 'internal', m.internal);
  });

  app.setNotFoundHandler(async (request, reply) =>
    send(reply, await readerLocale(request, languageOf), 'not_found', general.notFound),
  );
}

/**
 * The router's own errors, raised before any hook or error handler runs: a
 * path part that is not valid percent-encoded UTF-8, or one over the length
 * limit. Fastify answers them in its own shape unless this is passed to
 * `Fastify({ frameworkErrors })`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = headerLocale(request) ?? 'en-GB';
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, locale, 'malformed_request', m.addressTooLong, { path: FIELD.pathTooLong });
  }
  return send(reply, locale, 'malformed_request', m.address, { path: FIELD.pathEncoding });
}

/**
 * Errors of the HTTP parser, before Fastify sees a request (headers or an
 * address too large, a broken request line): pass as
 * `Fastify({ clientErrorHandler })` so they too answer in the one shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  // Before any header is read: English, the one language every reader is sent when none is known.
  const body = JSON.stringify(
    errorBodyOf('en-GB', 'malformed_request', tooLarge ? m.headersTooLarge : m.unreadable),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${ERROR_STATUS.malformed_request} Bad Request\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
