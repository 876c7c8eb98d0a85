import { z } from 'zod';
import * as c from '../../../contracts/accounts.ts';
import { ok } from '../../../contracts/common.ts';
import { done, endpoint, OK, routes, type Scope } from '../../endpoints.ts';
import { clearSessionCookie, setSessionCookie } from '../../http.ts';
import { setCsrfCookie } from '../../plugins/auth.ts';
import * as accounts from './accounts.service.ts';

const signedInBody = z.object({ user: c.me });

function context({ request }: Scope): accounts.RequestContext {
  return { address: request.ip, previousSession: request.sessionToken };
}

/** Starts the new session in the browser's cookies, and answers with its account. */
function signedIn({ deps, reply }: Scope, result: accounts.SignedIn) {
  setSessionCookie(reply, deps.config, result.sessionToken);
  setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
  return { user: result.user };
}

/** The answer to a request for an emailed link, the same whether or not the address has an account. */
function linkOnItsWay(scope: Scope, message: string) {
  return scope.reply.status(202).send({ message });
}

export const accountRoutes = routes('Accounts', {
  getCsrfToken: endpoint({
    route: 'GET /api/v1/csrf',
    access: 'public',
    summary: 'Get the token to send as X-CSRF-Token',
    response: { 200: c.csrf },
    // The auth hook has set the cookie (the session's own token when signed in).
    run: async (_, { deps, request, reply }) => ({
      csrfToken: request.csrfToken ?? setCsrfCookie(reply, deps.config.secureCookies),
    }),
  }),
  register: endpoint({
    route: 'POST /api/v1/accounts',
    access: 'account.register',
    summary:
      'Register: a link to finish goes by email (the same answer whether or not the address has an account); the first account of an empty installation is created and signed in at once',
    body: c.registerBody,
    response: { 201: signedInBody, 202: c.accepted },
    run: async (body, scope) => {
      const result = await accounts.register(scope.deps, body, context(scope));
      if (result.kind === 'emailed') return linkOnItsWay(scope, accounts.REGISTRATION_EMAILED);
      return scope.reply.status(201).send(signedIn(scope, result.signedIn));
    },
  }),
  confirmRegistration: endpoint({
    route: 'POST /api/v1/accounts/confirm',
    access: 'account.register',
    summary:
      'Finish registering with the token from the emailed link and the password chosen: creates the account and signs in',
    body: c.confirmRegistrationBody,
    response: { 201: signedInBody },
    run: async (body, scope) =>
      signedIn(scope, await accounts.confirmRegistration(scope.deps, body, context(scope))),
  }),
  signIn: endpoint({
    route: 'POST /api/v1/session',
    access: 'account.signIn',
    summary: 'Sign in with email and password',
    body: c.signInBody,
    response: { 200: signedInBody },
    run: async (body, scope) =>
      signedIn(scope, await accounts.signIn(scope.deps, body, context(scope))),
  }),
  requestSignInLink: endpoint({
    route: 'POST /api/v1/session/link-requests',
    access: 'account.signIn',
    summary: 'Email a one-time sign-in link',
    body: c.requestSignInLinkBody,
    response: { 202: c.accepted },
    run: async ({ email, next }, scope) => {
      await accounts.requestEmailLink(scope.deps, email, 'sign_in', scope.request.ip, next);
      return linkOnItsWay(
        scope,
        'If that email has an account, a sign-in link is on its way. It works once, for 15 minutes.',
      );
    },
  }),
  signInWithLink: endpoint({
    route: 'POST /api/v1/session/link',
    access: 'account.signIn',
    summary: 'Sign in with the token from an emailed link',
    body: c.signInWithLinkBody,
    response: { 200: signedInBody },
    run: async ({ token }, scope) =>
      signedIn(scope, await accounts.signInWithLink(scope.deps, token, context(scope))),
  }),
  requestPasswordReset: endpoint({
    route: 'POST /api/v1/password-resets',
    access: 'public',
    summary: 'Email a password reset link',
    body: c.requestLinkBody,
    response: { 202: c.accepted },
    run: async ({ email }, scope) => {
      await accounts.requestEmailLink(scope.deps, email, 'password_reset', scope.request.ip);
      return linkOnItsWay(
        scope,
        'If that email has an account, a reset link is on its way. It works once, for 15 minutes.',
      );
    },
  }),
  resetPassword: endpoint({
    route: 'POST /api/v1/password-resets/complete',
    access: 'public',
    summary: 'Choose a new password with the token from an emailed link',
    body: c.resetPasswordBody,
    response: { 200: signedInBody },
    run: async (body, scope) =>
      signedIn(scope, await accounts.resetPassword(scope.deps, body, context(scope))),
  }),
  getSession: endpoint({
    route: 'GET /api/v1/session',
    access: 'account.session',
    summary: 'Who is signed in: the account, or null when no one is (never 401)',
    response: { 200: c.session },
    run: accounts.getSession,
  }),
  signOut: endpoint({
    route: 'DELETE /api/v1/session',
    access: 'account.signOut',
    summary: 'Sign out (ends this session)',
    response: { 200: ok },
    run: async (_, { deps, request, reply }) => {
      await accounts.signOut(deps, request.sessionToken);
      clearSessionCookie(reply, deps.config);
      return OK;
    },
  }),
  getMe: endpoint({
    route: 'GET /api/v1/me',
    access: 'account.read',
    summary: 'The signed-in account',
    response: { 200: c.me },
    run: accounts.getMe,
  }),
  updateMe: endpoint({
    route: 'PATCH /api/v1/me',
    access: 'account.update',
    summary: 'Change your name, or the other names you go by',
    body: c.updateMeBody,
    response: { 200: c.me },
    run: accounts.updateMe,
  }),
  requestEmailChange: endpoint({
    route: 'POST /api/v1/me/email',
    access: 'account.update',
    summary: 'Change your email address: a link goes to the new address to confirm it',
    body: c.changeEmailBody,
    response: { 202: c.accepted },
    run: async ({ email }, scope) => {
      await accounts.requestEmailChange(scope.deps, scope.actor, email, scope.request.ip);
      return linkOnItsWay(
        scope,
        `We have emailed a link to ${email}. Your address changes when you open it; until then it stays as it is.`,
      );
    },
  }),
  confirmEmailChange: endpoint({
    route: 'POST /api/v1/me/email/confirm',
    access: 'public',
    summary: 'Confirm a new email address with the token from the emailed link',
    body: c.confirmEmailBody,
    response: { 200: signedInBody },
    run: async ({ token }, { deps }) => ({
      user: await accounts.confirmEmailChange(deps, token),
    }),
  }),
  listApiTokens: endpoint({
    route: 'GET /api/v1/me/tokens',
    access: 'account.tokens',
    summary: 'My API tokens',
    response: { 200: c.apiTokenList },
    run: async (_, { deps, actor }) => ({ tokens: await accounts.listApiTokens(deps, actor) }),
  }),
  createApiToken: endpoint({
    route: 'POST /api/v1/me/tokens',
    access: 'account.tokens',
    summary: 'Create an API token (its secret is shown once)',
    body: c.createApiTokenBody,
    response: { 201: c.createdApiToken },
    run: accounts.createApiToken,
  }),
  revokeApiToken: endpoint({
    route: 'DELETE /api/v1/me/tokens/:tokenId',
    access: 'account.tokens',
    summary: 'Revoke an API token',
    params: c.tokenParams,
    response: { 200: ok },
    run: done(accounts.revokeApiToken),
  }),
});
