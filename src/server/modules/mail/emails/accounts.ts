/** The emails about a person's own account: registering, signing in, passwords, addresses. */
import { hello, paragraphs, writer, type Email } from './compose.ts';

type Language = string | null | undefined;

function ignoreIfNotYou(intl: ReturnType<typeof writer>['intl']): string {
  return intl.formatMessage({
    id: 'email.common.ignore',
    defaultMessage: 'If you did not ask for this, you can ignore this email.',
  });
}

export function alreadyRegisteredEmail(
  language: Language,
  input: { name: string; signInUrl: string; forgotUrl: string },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.alreadyRegistered.subject',
      defaultMessage: 'You already have an Accord account',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage({
        id: 'email.alreadyRegistered.what',
        defaultMessage:
          'Someone asked to create an Accord account with this address, but it already has one, so nothing was created.',
      }),
      intl.formatMessage({
        id: 'email.alreadyRegistered.signIn',
        defaultMessage:
          'If it was you, sign in, or choose a new password if you have forgotten it:',
      }),
      `${input.signInUrl}\n${input.forgotUrl}`,
      intl.formatMessage({
        id: 'email.alreadyRegistered.notYou',
        defaultMessage: 'If it was not you, you can ignore this email: your account is unchanged.',
      }),
    ]),
  };
}

export function finishRegistrationEmail(
  language: Language,
  input: { name: string; link: string; hours: number },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.register.subject',
      defaultMessage: 'Finish creating your Accord account',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.register.open',
          defaultMessage:
            'Open this link to finish creating your Accord account (you will be asked for the password you chose). It works once, for {hours} hours:',
        },
        { hours: input.hours },
      ),
      input.link,
      intl.formatMessage({
        id: 'email.register.notYou',
        defaultMessage:
          'If you did not ask for an account, ignore this email: nothing is created without this link.',
      }),
    ]),
  };
}

export function signInLinkEmail(
  language: Language,
  input: { name: string; link: string; minutes: number },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.signInLink.subject',
      defaultMessage: 'Your Accord sign-in link',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.signInLink.use',
          defaultMessage:
            'Use this link to sign in to Accord. It works once, for {minutes} minutes:',
        },
        { minutes: input.minutes },
      ),
      input.link,
      ignoreIfNotYou(intl),
    ]),
  };
}

export function passwordResetEmail(
  language: Language,
  input: { name: string; link: string; minutes: number },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.reset.subject',
      defaultMessage: 'Reset your Accord password',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.reset.use',
          defaultMessage:
            'Use this link to choose a new password. It works once, for {minutes} minutes:',
        },
        { minutes: input.minutes },
      ),
      input.link,
      ignoreIfNotYou(intl),
    ]),
  };
}

/** To an address that already has an account, when someone else asked to move theirs to it. */
export function emailNotChangedEmail(language: Language): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.emailNotChanged.subject',
      defaultMessage: 'Your Accord email address was not changed',
    }),
    text: paragraphs([
      intl.formatMessage({ id: 'email.common.helloNoName', defaultMessage: 'Hello,' }),
      intl.formatMessage({
        id: 'email.emailNotChanged.what',
        defaultMessage:
          'Someone signed in to Accord asked to move their account to this address. This address already has an Accord account, so nothing was changed.',
      }),
      intl.formatMessage({
        id: 'email.emailNotChanged.ignore',
        defaultMessage: 'If you did not expect this, you can ignore this email.',
      }),
    ]),
  };
}

export function confirmNewEmailEmail(
  language: Language,
  input: { name: string; link: string; hours: number },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.confirmEmail.subject',
      defaultMessage: 'Confirm your new Accord email address',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.confirmEmail.open',
          defaultMessage:
            'Open this link to make this your Accord email address. It works once, for {hours} hours:',
        },
        { hours: input.hours },
      ),
      input.link,
      intl.formatMessage({
        id: 'email.confirmEmail.until',
        defaultMessage:
          'Until then, your account keeps its old address. If you did not ask for this, ignore this email.',
      }),
    ]),
  };
}

export function emailChangedEmail(language: Language, input: { name: string }): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.emailChanged.subject',
      defaultMessage: 'Your Accord email address was changed',
    }),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage({
        id: 'email.emailChanged.what',
        defaultMessage:
          'Your Accord account now uses a new email address, confirmed from that address. Emails from Accord go there from now on.',
      }),
      intl.formatMessage({
        id: 'email.emailChanged.notYou',
        defaultMessage:
          'If you did not do this, contact the person who runs Accord for your group.',
      }),
    ]),
  };
}
