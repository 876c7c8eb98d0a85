import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../contracts/common.ts';
import type { Config } from './config.ts';

export type Api = FastifyInstance & ReturnType<FastifyInstance['withTypeProvider']>;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The error answers every endpoint may give, in the one error shape. */
export const errors = { '4xx': errorBody, '5xx': errorBody } as const;

/** A file sent or answered as itself (application/octet-stream or its own type). */
export const fileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), {
    message: 'must be the file itself, sent as application/octet-stream',
  })
  .meta({ type: 'string', format: 'binary' });

/** Sends a stored file as a download, never shown inline, with its own name kept safe. */
export function sendDownload(
  reply: FastifyReply,
  file: { mediaType: string; fileName: string; content: Uint8Array },
) {
  return reply
    .type(file.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\w. -]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}

export const SESSION_COOKIE = 'accord_session';
export const CSRF_COOKIE = 'accord_csrf';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionDays * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}
