import { z } from 'zod';
import * as c from '../../../contracts/accounts.ts';
import { ok } from '../../../contracts/common.ts';
import { answerAs, done, endpoint, op, OK, routes, type Scope } from '../../endpoints.ts';
import { clearSessionCookie, setSessionCookie } from '../../http.ts';
import { setCsrfCookie } from '../../plugins/auth.ts';
import * as accounts from './accounts.service.ts';

const signedInBody = z.object({ user: c.me });

/** An account use case's scope: where the request came from, and the session it carried. */
function accountScope({ deps, actor, request }: Scope): accounts.AccountScope {
  return { deps, actor, from: { address: request.ip, session: request.sessionToken } };
}

/** Starts the new session in the browser's cookies, and answers with its account. */
function signedIn({ deps, reply }: Scope, result: accounts.SignedIn) {
  setSessionCookie(reply, deps.config, result.sessionToken);
  setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
  return { user: result.user };
}

/** A use case that starts a session: the cookies are set and the account answered. */
function signsIn<I>(
  useCase: (input: I, scope: accounts.AccountScope) => Promise<accounts.SignedIn>,
) {
  return async (input: I, scope: Scope) =>
    signedIn(scope, await useCase(input, accountScope(scope)));
}

/**
 * Emails a link, then answers 202 with what to expect: the same answer whether
 * or not the address has an account.
 */
function emailsLink<I>(
  send: (input: I, scope: accounts.AccountScope) => Promise<void>,
  message: (input: I) => string,
) {
  return async (input: I, scope: Scope) => {
    await send(input, accountScope(scope));
    return scope.reply.status(202).send({ message: message(input) });
  };
}

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
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
      const result = await accounts.register(body, accountScope(scope));
      if (result.kind === 'emailed') {
        return scope.reply.status(202).send({ message: accounts.REGISTRATION_EMAILED });
      }
      return scope.reply.status(201).send(signedIn(scope, result.signedIn));
    },
  }),
  confirmRegistration: op('POST /api/v1/accounts/confirm', 'account.register', signsIn(accounts.confirmRegistration), { body: c.confirmRegistrationBody, response: { 201: signedInBody } }, 'Finish registering with the token from the emailed link and the password chosen: creates the account and signs in'),
  signIn: op('POST /api/v1/session', 'account.signIn', signsIn(accounts.signIn), { body: c.signInBody, response: { 200: signedInBody } }, 'Sign in with email and password'),
  requestSignInLink: op('POST /api/v1/session/link-requests', 'account.signIn', emailsLink(accounts.requestSignInLink, () => 'If that email has an account, a sign-in link is on its way. It works once, for 15 minutes.'), { body: c.requestSignInLinkBody, response: { 202: c.accepted } }, 'Email a one-time sign-in link'),
  signInWithLink: op('POST /api/v1/session/link', 'account.signIn', signsIn(accounts.signInWithLink), { body: c.signInWithLinkBody, response: { 200: signedInBody } }, 'Sign in with the token from an emailed link'),
  requestPasswordReset: op('POST /api/v1/password-resets', 'public', emailsLink(accounts.requestPasswordReset, () => 'If that email has an account, a reset link is on its way. It works once, for 15 minutes.'), { body: c.requestLinkBody, response: { 202: c.accepted } }, 'Email a password reset link'),
  resetPassword: op('POST /api/v1/password-resets/complete', 'public', signsIn(accounts.resetPassword), { body: c.resetPasswordBody, response: { 200: signedInBody } }, 'Choose a new password with the token from an emailed link'),
  getSession: op('GET /api/v1/session', 'account.session', accounts.getSession, { response: { 200: c.session } }, 'Who is signed in: the account, or null when no one is (never 401)'),
  signOut: endpoint({
    route: 'DELETE /api/v1/session',
    access: 'account.signOut',
    summary: 'Sign out (ends this session)',
    response: { 200: ok },
    run: async (input, scope) => {
      await accounts.signOut(input, accountScope(scope));
      clearSessionCookie(scope.reply, scope.deps.config);
      return OK;
    },
  }),
  getMe: op('GET /api/v1/me', 'account.read', accounts.getMe, { response: { 200: c.me } }, 'The signed-in account'),
  updateMe: op('PATCH /api/v1/me', 'account.update', accounts.updateMe, { body: c.updateMeBody, response: { 200: c.me } }, 'Change your name, the other names you go by, your job title or organisation, or your language'),
  requestEmailChange: op('POST /api/v1/me/email', 'account.update', emailsLink(accounts.requestEmailChange, ({ email }) => `We have emailed a link to ${email}. Your address changes when you open it; until then it stays as it is.`), { body: c.changeEmailBody, response: { 202: c.accepted } }, 'Change your email address: a link goes to the new address to confirm it'),
  confirmEmailChange: op('POST /api/v1/me/email/confirm', 'public', answerAs('user', accounts.confirmEmailChange), { body: c.confirmEmailBody, response: { 200: signedInBody } }, 'Confirm a new email address with the token from the emailed link'),
  listApiTokens: op('GET /api/v1/me/tokens', 'account.tokens', answerAs('tokens', accounts.listApiTokens), { response: { 200: c.apiTokenList } }, 'My API tokens'),
  createApiToken: op('POST /api/v1/me/tokens', 'account.tokens', accounts.createApiToken, { body: c.createApiTokenBody, response: { 201: c.createdApiToken } }, 'Create an API token (its secret is shown once)'),
  revokeApiToken: op('DELETE /api/v1/me/tokens/:tokenId', 'account.tokens', done(accounts.revokeApiToken), { params: c.tokenParams, response: { 200: ok } }, 'Revoke an API token'),
});
