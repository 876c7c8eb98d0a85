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
      `attachment; filename="${safeName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}

/**
 * What a browser may do with a file shown by itself: nothing but draw it. The
 * sandbox gives the document a unique origin with no scripts, forms or
 * pop-ups; it may load nothing, and only the browser's own inline styles
 * apply. Chromium's PDF viewer renders under this policy (checked in the
 * browser journeys), with `object-src` left at 'none'.
 */
const INLINE_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
const INLINE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

/**
 * Sends a stored file to be shown in the browser (a PDF in its own viewer, an
 * image on its own), under a policy that lets it run nothing; any other kind
 * goes as a download. `mediaType` must come from the file's bytes, never
 * from what the uploader claimed.
 */
export function sendInline(
  reply: FastifyReply,
  file: { mediaType: string; fileName: string; content: Uint8Array },
) {
  if (!INLINE_TYPES.has(file.mediaType)) return sendDownload(reply, file);
  return reply
    .type(file.mediaType)
    .header(
      'content-disposition',
      `inline; filename="${safeName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('content-security-policy', INLINE_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}

function safeName(fileName: string): string {
  return fileName.replace(/[^\w. -]/g, '_');
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
