import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccessDenied } from '../access.ts';
import { databaseFault, type DatabaseFault } from '../db/faults.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldErrors } from '../errors.ts';

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
        fields[name] = 'is not a field this request accepts; remove it';
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

function plain(issue: Issue, sent: unknown): string {
  if (issue.keyword !== 'invalid_type') return issue.message ?? 'is not valid';
  if (sent === undefined) return 'is required';
  // The schema's own words ("must be an email address") when it has them; Zod's defaults are not for people.
  if (issue.message && !issue.message.startsWith('Invalid input')) return issue.message;
  return `must be ${String(issue.params.expected)}`;
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

const FAULT_MESSAGES: Record<DatabaseFault, string> = {
  unreachable: 'The database cannot be reached just now. Please try again in a moment.',
  timeout: 'The database is taking too long to answer just now. Please try again in a moment.',
  full: 'The server has no room to save this; nothing was saved. Please try again later.',
};

function send(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
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
    .send({ error: fields ? { code, message, fields } : { code, message } });
}

/** Maps every error to the one JSON shape; 5xx details never reach the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, error.code, error.message, error.fields, error.retryAfterSeconds);
    }
    if (error instanceof AccessDenied) {
      return error.anonymous
        ? send(reply, 'unauthenticated', 'Sign in to do this.')
        : send(reply, 'forbidden', 'Your account is not allowed to do this.');
    }
    // A database that is down, restarting, slow or out of disk: try again, not a bug.
    const fault = databaseFault(error);
    if (fault) {
      request.log.warn({ err: error, fault }, 'database unavailable');
      return send(reply, 'unavailable', FAULT_MESSAGES[fault]);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext;
      const fields = fieldsFrom(error.validation as Issue[], context, inputOf(request, context));
      return send(reply, 'validation_failed', 'Some details need fixing.', fields);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(
          reply,
          'payload_too_large',
          'The request body is too large (the limit is 1 MB).',
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(
          reply,
          'unsupported_media_type',
          'Send the request body as JSON (Content-Type: application/json).',
        );
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 'malformed_request', 'The request body is empty; send a JSON object.', {
          body: 'is required',
        });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(
          reply,
          'malformed_request',
          'The Content-Length header does not match the body.',
        );
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return send(reply, 'malformed_request', 'The request body is not valid JSON.', {
        body: 'must be valid JSON',
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'not_found' : 'malformed_request';
      return send(reply, code, status === 404 ? 'Not found.' : 'The request is not valid.');
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 'internal', 'Something went wrong on our side. Please try again.');
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 'not_found', 'Not found.'));
}

/**
 * The router's own errors, raised before any hook or error handler runs: a
 * path part that is not valid percent-encoded UTF-8, or one over the length
 * limit. Fastify answers them in its own shape unless this is passed to
 * `Fastify({ frameworkErrors })`.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, 'malformed_request', 'A part of the address is too long.', {
      path: 'has a part longer than 200 characters',
    });
  }
  return send(reply, 'malformed_request', 'The address is not valid.', {
    path: 'must be valid percent-encoded UTF-8',
  });
}

/**
 * Errors of the HTTP parser, before Fastify sees a request (headers or an
 * address too large, a broken request line): pass as
 * `Fastify({ clientErrorHandler })` so they too answer in the one shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: {
      code: 'malformed_request',
      message: tooLarge
        ? 'The request headers (or its address) are too large.'
        : 'The request could not be read.',
    },
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${ERROR_STATUS.malformed_request} Bad Request\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
