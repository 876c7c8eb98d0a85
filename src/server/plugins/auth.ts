import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { m } from '../modules/accounts/accounts.messages.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http.ts';
import { newSecret } from '../secrets.ts';
import { actorFromApiToken, actorFromSession } from '../modules/accounts/accounts.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
    /** On a GET: the CSRF token the accord_csrf cookie holds once this answer is sent. */
    csrfToken: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The CSRF token of a session: an HMAC keyed by the session's own secret, so
 * it is the same in every instance, nobody without the (httpOnly) session
 * cookie can work it out, and it reveals nothing about the session itself.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('accord csrf v1').digest('base64url');
}

/**
 * Sets the cookie the web app echoes as X-CSRF-Token: the session's own token
 * when there is a session, a random one before signing in.
 */
export function setCsrfCookie(
  reply: FastifyReply,
  secure: boolean,
  sessionToken?: string | undefined,
): string {
  const token = sessionToken ? csrfTokenFor(sessionToken) : newSecret(24);
  reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure, httpOnly: false });
  return token;
}

const missingToken = () =>
  new AppError('forbidden', m.csrfMissing, { 'x-csrf-token': m.csrfField });

/**
 * Works out who is asking (an API token, or a session cookie) and defends
 * cookie-authenticated changes against cross-site requests: the page must echo
 * its CSRF token in an X-CSRF-Token header, which another site cannot read.
 *
 * The check applies to every request that may change something, whatever its
 * path and however it is spelt (`/%61pi/...` routes to `/api/...`); only
 * requests carrying an API token are exempt, as no browser sends one by itself.
 * With a session, the token must be that session's own (see `csrfTokenFor`);
 * before signing in (sign-in, registration, links) the header must equal the
 * random accord_csrf cookie, so another site cannot sign someone in as itself.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrfToken', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const safe = SAFE_METHODS.has(request.method);
    // The path Fastify matched, not the raw URL: the same route can be spelt many ways.
    const isApi = (request.routeOptions.url ?? '').startsWith('/api/');
    const authorization = request.headers.authorization;
    if (isApi && authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(authorization);
      const actor = match?.[1] ? await actorFromApiToken(deps, match[1]) : null;
      if (!actor) {
        throw new AppError('unauthenticated', m.badToken, { authorization: m.badTokenField });
      }
      request.actor = actor;
      return;
    }
    const cookieToken = request.cookies[SESSION_COOKIE];
    const sessionToken =
      cookieToken && /^[A-Za-z0-9_-]{20,100}$/.test(cookieToken) ? cookieToken : undefined;
    if (isApi && sessionToken) {
      request.sessionToken = sessionToken;
      request.actor = await actorFromSession(deps, sessionToken);
    }
    const liveSession = request.actor ? sessionToken : undefined;
    const cookie = request.cookies[CSRF_COOKIE];
    if (safe) {
      // The page reads its token from the cookie: keep it the current session's.
      const expected = liveSession ? csrfTokenFor(liveSession) : undefined;
      request.csrfToken =
        !cookie || (expected && !sameSecret(cookie, expected))
          ? setCsrfCookie(reply, deps.config.secureCookies, liveSession)
          : cookie;
      return;
    }
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string') throw missingToken();
    if (liveSession) {
      if (!sameSecret(header, csrfTokenFor(liveSession))) throw missingToken();
    } else if (!cookie || !sameSecret(cookie, header)) {
      throw missingToken();
    }
  });
}
