import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http.ts';
import { newSecret } from '../secrets.ts';
import { actorFromApiToken, actorFromSession } from '../modules/accounts/accounts.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setCsrfCookie(reply: FastifyReply, secure: boolean): string {
  const token = newSecret(24);
  reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure, httpOnly: false });
  return token;
}

/**
 * Works out who is asking (an API token, or a session cookie) and defends
 * cookie-authenticated changes against cross-site requests: the page must echo
 * the CSRF cookie in an X-CSRF-Token header, which another site cannot read.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const safe = SAFE_METHODS.has(request.method);
    if (safe && !request.cookies[CSRF_COOKIE]) setCsrfCookie(reply, deps.config.secureCookies);
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(authorization);
      const actor = match?.[1] ? await actorFromApiToken(deps, match[1]) : null;
      if (!actor) {
        throw new AppError('unauthenticated', 'This API token is not valid or was revoked.', {
          authorization: 'must be "Bearer " followed by a current API token',
        });
      }
      request.actor = actor;
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (sessionToken && /^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) {
      request.sessionToken = sessionToken;
      request.actor = await actorFromSession(deps, sessionToken);
    }
    if (!safe) {
      const cookie = request.cookies[CSRF_COOKIE];
      const header = request.headers['x-csrf-token'];
      if (!cookie || typeof header !== 'string' || !sameSecret(cookie, header)) {
        throw new AppError(
          'forbidden',
          'This request is missing its security token. Reload the page and try again.',
          { 'x-csrf-token': 'must equal the accord_csrf cookie (GET /api/v1/csrf sets it)' },
        );
      }
    }
  });
}
