import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as c from '../../../contracts/accounts.ts';
import { ok } from '../../../contracts/common.ts';
import type { Deps } from '../../deps.ts';
import { clearSessionCookie, errors, setSessionCookie, typed } from '../../http.ts';
import { setCsrfCookie } from '../../plugins/auth.ts';
import * as accounts from './accounts.service.ts';

const tags = ['Accounts'];
const signedInBody = z.object({ user: c.me });

function context(request: FastifyRequest): accounts.RequestContext {
  return { address: request.ip, previousSession: request.sessionToken };
}

export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get('/api/v1/csrf', {
    schema: {
      operationId: 'getCsrfToken',
      tags,
      summary: 'Get the token to send as X-CSRF-Token',
      response: { 200: c.csrf, ...errors },
    },
    handler: async (request, reply) => {
      // The auth hook has set the cookie (the session's own token when signed in).
      return { csrfToken: request.csrfToken ?? setCsrfCookie(reply, deps.config.secureCookies) };
    },
  });

  api.post('/api/v1/accounts', {
    schema: {
      operationId: 'register',
      tags,
      summary:
        'Register: a link to finish goes by email (the same answer whether or not the address has an account); the first account of an empty installation is created and signed in at once',
      body: c.registerBody,
      response: { 201: signedInBody, 202: c.accepted, ...errors },
    },
    handler: async (request, reply) => {
      const result = await accounts.register(deps, request.body, context(request));
      if (result.kind === 'emailed') {
        return reply.status(202).send({ message: accounts.REGISTRATION_EMAILED });
      }
      setSessionCookie(reply, deps.config, result.signedIn.sessionToken);
      setCsrfCookie(reply, deps.config.secureCookies, result.signedIn.sessionToken);
      return reply.status(201).send({ user: result.signedIn.user });
    },
  });

  api.post('/api/v1/accounts/confirm', {
    schema: {
      operationId: 'confirmRegistration',
      tags,
      summary:
        'Finish registering with the token from the emailed link and the password chosen: creates the account and signs in',
      body: c.confirmRegistrationBody,
      response: { 201: signedInBody, ...errors },
    },
    handler: async (request, reply) => {
      const result = await accounts.confirmRegistration(deps, request.body, context(request));
      setSessionCookie(reply, deps.config, result.sessionToken);
      setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
      return reply.status(201).send({ user: result.user });
    },
  });

  api.post('/api/v1/session', {
    schema: {
      operationId: 'signIn',
      tags,
      summary: 'Sign in with email and password',
      body: c.signInBody,
      response: { 200: signedInBody, ...errors },
    },
    handler: async (request, reply) => {
      const result = await accounts.signIn(deps, request.body, context(request));
      setSessionCookie(reply, deps.config, result.sessionToken);
      setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
      return { user: result.user };
    },
  });

  api.post('/api/v1/session/link-requests', {
    schema: {
      operationId: 'requestSignInLink',
      tags,
      summary: 'Email a one-time sign-in link',
      body: c.requestSignInLinkBody,
      response: { 202: c.accepted, ...errors },
    },
    handler: async (request, reply) => {
      await accounts.requestEmailLink(
        deps,
        request.body.email,
        'sign_in',
        request.ip,
        request.body.next,
      );
      return reply.status(202).send({
        message:
          'If that email has an account, a sign-in link is on its way. It works once, for 15 minutes.',
      });
    },
  });

  api.post('/api/v1/session/link', {
    schema: {
      operationId: 'signInWithLink',
      tags,
      summary: 'Sign in with the token from an emailed link',
      body: c.signInWithLinkBody,
      response: { 200: signedInBody, ...errors },
    },
    handler: async (request, reply) => {
      const result = await accounts.signInWithLink(deps, request.body.token, context(request));
      setSessionCookie(reply, deps.config, result.sessionToken);
      setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
      return { user: result.user };
    },
  });

  api.post('/api/v1/password-resets', {
    schema: {
      operationId: 'requestPasswordReset',
      tags,
      summary: 'Email a password reset link',
      body: c.requestLinkBody,
      response: { 202: c.accepted, ...errors },
    },
    handler: async (request, reply) => {
      await accounts.requestEmailLink(deps, request.body.email, 'password_reset', request.ip);
      return reply.status(202).send({
        message:
          'If that email has an account, a reset link is on its way. It works once, for 15 minutes.',
      });
    },
  });

  api.post('/api/v1/password-resets/complete', {
    schema: {
      operationId: 'resetPassword',
      tags,
      summary: 'Choose a new password with the token from an emailed link',
      body: c.resetPasswordBody,
      response: { 200: signedInBody, ...errors },
    },
    handler: async (request, reply) => {
      const result = await accounts.resetPassword(deps, request.body, context(request));
      setSessionCookie(reply, deps.config, result.sessionToken);
      setCsrfCookie(reply, deps.config.secureCookies, result.sessionToken);
      return { user: result.user };
    },
  });

  api.get('/api/v1/session', {
    schema: {
      operationId: 'getSession',
      tags,
      summary: 'Who is signed in: the account, or null when no one is (never 401)',
      response: { 200: c.session, ...errors },
    },
    handler: async (request) => accounts.getSession(deps, request.actor),
  });

  api.delete('/api/v1/session', {
    schema: {
      operationId: 'signOut',
      tags,
      summary: 'Sign out (ends this session)',
      response: { 200: ok, ...errors },
    },
    handler: async (request, reply) => {
      await accounts.signOut(deps, request.sessionToken);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    },
  });

  api.get('/api/v1/me', {
    schema: {
      operationId: 'getMe',
      tags,
      summary: 'The signed-in account',
      response: { 200: c.me, ...errors },
    },
    handler: async (request) => accounts.getMe(deps, request.actor),
  });

  api.patch('/api/v1/me', {
    schema: {
      operationId: 'updateMe',
      tags,
      summary: 'Change your name, or the other names you go by',
      body: c.updateMeBody,
      response: { 200: c.me, ...errors },
    },
    handler: async (request) => accounts.updateMe(deps, request.actor, request.body),
  });

  api.post('/api/v1/me/email', {
    schema: {
      operationId: 'requestEmailChange',
      tags,
      summary: 'Change your email address: a link goes to the new address to confirm it',
      body: c.changeEmailBody,
      response: { 202: c.accepted, ...errors },
    },
    handler: async (request, reply) => {
      await accounts.requestEmailChange(deps, request.actor, request.body.email, request.ip);
      return reply.status(202).send({
        message: `We have emailed a link to ${request.body.email}. Your address changes when you open it; until then it stays as it is.`,
      });
    },
  });

  api.post('/api/v1/me/email/confirm', {
    schema: {
      operationId: 'confirmEmailChange',
      tags,
      summary: 'Confirm a new email address with the token from the emailed link',
      body: c.confirmEmailBody,
      response: { 200: signedInBody, ...errors },
    },
    handler: async (request) => ({
      user: await accounts.confirmEmailChange(deps, request.body.token),
    }),
  });

  api.get('/api/v1/me/tokens', {
    schema: {
      operationId: 'listApiTokens',
      tags,
      summary: 'My API tokens',
      response: { 200: c.apiTokenList, ...errors },
    },
    handler: async (request) => ({ tokens: await accounts.listApiTokens(deps, request.actor) }),
  });

  api.post('/api/v1/me/tokens', {
    schema: {
      operationId: 'createApiToken',
      tags,
      summary: 'Create an API token (its secret is shown once)',
      body: c.createApiTokenBody,
      response: { 201: c.createdApiToken, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await accounts.createApiToken(deps, request.actor, request.body.name)),
  });

  api.delete('/api/v1/me/tokens/:tokenId', {
    schema: {
      operationId: 'revokeApiToken',
      tags,
      summary: 'Revoke an API token',
      params: c.tokenParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      await accounts.revokeApiToken(deps, request.actor, request.params.tokenId);
      return { ok: true as const };
    },
  });
}
