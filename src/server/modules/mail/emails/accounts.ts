/** The emails about a person's own account: registering, signing in, passwords, addresses. */
import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { common, email, type Email, type Language } from './compose.ts';

const m = defineMessages({
  alreadyRegisteredSubject: {
    id: 'email.alreadyRegistered.subject',
    defaultMessage: 'You already have an Accord account',
  },
  alreadyRegisteredWhat: {
    id: 'email.alreadyRegistered.what',
    defaultMessage:
      'Someone asked to create an Accord account with this address, but it already has one, so nothing was created.',
  },
  alreadyRegisteredSignIn: {
    id: 'email.alreadyRegistered.signIn',
    defaultMessage: 'If it was you, sign in, or choose a new password if you have forgotten it:',
  },
  alreadyRegisteredNotYou: {
    id: 'email.alreadyRegistered.notYou',
    defaultMessage: 'If it was not you, you can ignore this email: your account is unchanged.',
  },
  emailNotChangedSubject: {
    id: 'email.emailNotChanged.subject',
    defaultMessage: 'Your Accord email address was not changed',
  },
  emailNotChangedWhat: {
    id: 'email.emailNotChanged.what',
    defaultMessage:
      'Someone signed in to Accord asked to move their account to this address. This address already has an Accord account, so nothing was changed.',
  },
  emailNotChangedIgnore: {
    id: 'email.emailNotChanged.ignore',
    defaultMessage: 'If you did not expect this, you can ignore this email.',
  },
  emailChangedSubject: {
    id: 'email.emailChanged.subject',
    defaultMessage: 'Your Accord email address was changed',
  },
  emailChangedWhat: {
    id: 'email.emailChanged.what',
    defaultMessage:
      'Your Accord account now uses a new email address, confirmed from that address. Emails from Accord go there from now on.',
  },
  emailChangedNotYou: {
    id: 'email.emailChanged.notYou',
    defaultMessage: 'If you did not do this, contact the person who runs Accord for your group.',
  },
});

const register = defineMessages({
  subject: {
    id: 'email.register.subject',
    defaultMessage: 'Finish creating your Accord account',
  },
  use: {
    id: 'email.register.open',
    defaultMessage:
      'Open this link to finish creating your Accord account (you will be asked for the password you chose). It works once, for {hours} hours:',
  },
  after: {
    id: 'email.register.notYou',
    defaultMessage:
      'If you did not ask for an account, ignore this email: nothing is created without this link.',
  },
});

const signInLink = defineMessages({
  subject: { id: 'email.signInLink.subject', defaultMessage: 'Your Accord sign-in link' },
  use: {
    id: 'email.signInLink.use',
    defaultMessage: 'Use this link to sign in to Accord. It works once, for {minutes} minutes:',
  },
});

const reset = defineMessages({
  subject: { id: 'email.reset.subject', defaultMessage: 'Reset your Accord password' },
  use: {
    id: 'email.reset.use',
    defaultMessage: 'Use this link to choose a new password. It works once, for {minutes} minutes:',
  },
});

const confirmEmail = defineMessages({
  subject: {
    id: 'email.confirmEmail.subject',
    defaultMessage: 'Confirm your new Accord email address',
  },
  use: {
    id: 'email.confirmEmail.open',
    defaultMessage:
      'Open this link to make this your Accord email address. It works once, for {hours} hours:',
  },
  after: {
    id: 'email.confirmEmail.until',
    defaultMessage:
      'Until then, your account keeps its old address. If you did not ask for this, ignore this email.',
  },
});

/** What an email with a one-time link says: its subject, what the link does, and what else. */
type LinkWords = { subject: MessageDescriptor; use: MessageDescriptor; after: MessageDescriptor };

/**
 * An email that carries a link which works once for a while: it greets, says
 * what the link does and for how many hours or minutes, gives the link, and
 * says what to do if the person did not ask for it.
 */
function oneTimeLinkEmail<Unit extends 'hours' | 'minutes'>(words: LinkWords, unit: Unit) {
  return (
    language: Language,
    input: { name: string; link: string } & Record<Unit, number>,
  ): Email =>
    email(language, ({ say }) => ({
      subject: say(words.subject),
      body: [
        say(common.hello, { name: input.name }),
        say(words.use, { [unit]: input[unit] }),
        input.link,
        say(words.after),
      ],
    }));
}

export const finishRegistrationEmail = oneTimeLinkEmail(register, 'hours');
export const signInLinkEmail = oneTimeLinkEmail({ ...signInLink, after: common.ignore }, 'minutes');
export const passwordResetEmail = oneTimeLinkEmail({ ...reset, after: common.ignore }, 'minutes');
export const confirmNewEmailEmail = oneTimeLinkEmail(confirmEmail, 'hours');

export function alreadyRegisteredEmail(
  language: Language,
  input: { name: string; signInUrl: string; forgotUrl: string },
): Email {
  return email(language, ({ say }) => ({
    subject: say(m.alreadyRegisteredSubject),
    body: [
      say(common.hello, { name: input.name }),
      say(m.alreadyRegisteredWhat),
      say(m.alreadyRegisteredSignIn),
      `${input.signInUrl}\n${input.forgotUrl}`,
      say(m.alreadyRegisteredNotYou),
    ],
  }));
}

/** To an address that already has an account, when someone else asked to move theirs to it. */
export function emailNotChangedEmail(language: Language): Email {
  return email(language, ({ say }) => ({
    subject: say(m.emailNotChangedSubject),
    body: [say(common.helloNoName), say(m.emailNotChangedWhat), say(m.emailNotChangedIgnore)],
  }));
}

export function emailChangedEmail(language: Language, input: { name: string }): Email {
  return email(language, ({ say }) => ({
    subject: say(m.emailChangedSubject),
    body: [
      say(common.hello, { name: input.name }),
      say(m.emailChangedWhat),
      say(m.emailChangedNotYou),
    ],
  }));
}
