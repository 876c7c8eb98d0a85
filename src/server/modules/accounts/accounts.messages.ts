import { defineMessages } from '@formatjs/intl';

/** What accounts, sign-in and their links answer when they cannot do what was asked. */
export const m = defineMessages({
  registrationExpired: {
    id: 'api.accounts.registrationExpired',
    defaultMessage:
      'This link has expired or was already used. Register again, or sign in if you already have an account.',
  },
  tokenExpired: {
    id: 'api.accounts.tokenExpired',
    defaultMessage: 'has expired or was already used',
  },
  registrationPassword: {
    id: 'api.accounts.registrationPassword',
    defaultMessage: 'That is not the password you chose when registering.',
  },
  registrationPasswordField: {
    id: 'api.accounts.registrationPasswordField',
    defaultMessage: 'is not the password you chose when registering',
  },
  hasAccount: {
    id: 'api.accounts.hasAccount',
    defaultMessage: 'This address already has an account. Sign in, or reset your password.',
  },
  hasAccountField: {
    id: 'api.accounts.hasAccountField',
    defaultMessage: 'this address already has an account',
  },
  wrongPassword: {
    id: 'api.accounts.wrongPassword',
    defaultMessage: 'That email and password do not match an account.',
  },
  wrongPasswordField: {
    id: 'api.accounts.wrongPasswordField',
    defaultMessage: 'does not match this email; check both, or ask for a sign-in link',
  },
  signInLinkExpired: {
    id: 'api.accounts.signInLinkExpired',
    defaultMessage: 'This sign-in link has expired or was already used. Ask for a new one.',
  },
  resetLinkExpired: {
    id: 'api.accounts.resetLinkExpired',
    defaultMessage: 'This reset link has expired or was already used. Ask for a new one.',
  },
  sameEmail: { id: 'api.accounts.sameEmail', defaultMessage: 'is already your email address' },
  emailLinkExpired: {
    id: 'api.accounts.emailLinkExpired',
    defaultMessage:
      'This link has expired or was already used. Ask for a new one from your account page.',
  },
  emailTaken: {
    id: 'api.accounts.emailTaken',
    defaultMessage: 'That address now belongs to another account. Nothing was changed.',
  },
  tooManyRegistrations: {
    id: 'api.accounts.tooManyRegistrations',
    defaultMessage: 'Too many registrations from this address. Try again later.',
  },
  tooManyLinks: {
    id: 'api.accounts.tooManyLinks',
    defaultMessage: 'Too many links asked for from this address. Try again later.',
  },
  tooManyWrongPasswords: {
    id: 'api.accounts.tooManyWrongPasswords',
    defaultMessage:
      'Too many wrong passwords for this account from here. Try again in {seconds} seconds, or ask for a sign-in link by email.',
  },
  tooManyFromAddress: {
    id: 'api.accounts.tooManyFromAddress',
    defaultMessage:
      'Too many wrong passwords from this address. Wait a while, or ask for a sign-in link by email.',
  },
  csrfMissing: {
    id: 'api.accounts.csrfMissing',
    defaultMessage: 'This request is missing its security token. Reload the page and try again.',
  },
  csrfField: {
    id: 'api.accounts.csrfField',
    defaultMessage: 'must equal the accord_csrf cookie (GET /api/v1/csrf sets it)',
  },
  badToken: {
    id: 'api.accounts.badToken',
    defaultMessage: 'This API token is not valid or was revoked.',
  },
  badTokenField: {
    id: 'api.accounts.badTokenField',
    defaultMessage: 'must be "Bearer " followed by a current API token',
  },
});
