import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccessDenied } from '../access.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldErrors } from '../errors.ts';

type Issue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

function fieldsFrom(issues: Issue[], context: string | undefined): FieldErrors {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[]) {
        const name = prefix + (base ? `${base}.${key}` : key);
        fields[name] = 'is not a field this request accepts; remove it';
      }
      continue;
    }
    const name = prefix + (base || (context === 'body' ? 'body' : context || 'request'));
    fields[name] ??= plain(issue);
  }
  return fields;
}

function plain(issue: Issue): string {
  if (issue.keyword === 'invalid_type' && issue.params.input === undefined) return 'is required';
  if (issue.keyword === 'invalid_type') return `must be ${String(issue.params.expected)}`;
  return issue.message ?? 'is not valid';
}

function send(
  reply: import('fastify').FastifyReply,
  code: ErrorCode,
  message: string,
  fields?: FieldErrors,
) {
  return reply
    .status(ERROR_STATUS[code])
    .type('application/json; charset=utf-8')
    .send({ error: fields ? { code, message, fields } : { code, message } });
}

/** Maps every error to the one JSON shape; 5xx details never reach the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, error.code, error.message, error.fields);
    if (error instanceof AccessDenied) {
      return error.anonymous
        ? send(reply, 'unauthenticated', 'Sign in to do this.')
        : send(reply, 'forbidden', 'Your account is not allowed to do this.');
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsFrom(error.validation as Issue[], error.validationContext);
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
