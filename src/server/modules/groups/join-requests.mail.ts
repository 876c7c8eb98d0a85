import type { IntlShape } from '@formatjs/intl';
import type { Mail } from '../mail/outbox.repository.ts';

/**
 * The emails about requests to join, in the recipient's language through the
 * message catalogue (ids in the groups namespace, Welsh in src/i18n/cy). Each
 * message is one paragraph: the catalogue keeps no line breaks.
 */
type To = { email: string; name: string };

const paragraphs = (...parts: (string | null)[]) =>
  `${parts.filter((p): p is string => p !== null && p !== '').join('\n\n')}\n`;

function hello(intl: IntlShape, name: string) {
  return intl.formatMessage(
    { id: 'groups.email.hello', defaultMessage: 'Hello {name},' },
    { name },
  );
}

export function askedMail(
  intl: IntlShape,
  to: To,
  values: { name: string; group: string; message: string; link: string },
): Mail {
  return {
    to: to.email,
    subject: intl.formatMessage(
      { id: 'groups.email.asked.subject', defaultMessage: '{name} would like to join {group}' },
      { name: values.name, group: values.group },
    ),
    text: paragraphs(
      hello(intl, to.name),
      intl.formatMessage(
        {
          id: 'groups.email.asked.body',
          defaultMessage: '{name} has asked to join “{group}” on Accord.',
        },
        { name: values.name, group: values.group },
      ),
      values.message
        ? `${intl.formatMessage({
            id: 'groups.email.asked.message',
            defaultMessage: 'Their message:',
          })}\n${values.message}`
        : null,
      intl.formatMessage({
        id: 'groups.email.asked.answer',
        defaultMessage:
          'You can accept or decline the request in the People section of the group’s page:',
      }),
      values.link,
    ),
  };
}

export function acceptedMail(
  intl: IntlShape,
  to: To,
  values: { group: string; link: string },
): Mail {
  return {
    to: to.email,
    subject: intl.formatMessage(
      { id: 'groups.email.accepted.subject', defaultMessage: 'Welcome to {group}' },
      { group: values.group },
    ),
    text: paragraphs(
      hello(intl, to.name),
      intl.formatMessage(
        {
          id: 'groups.email.accepted.body',
          defaultMessage:
            'Your request to join “{group}” on Accord has been accepted. You are now a participant: you can see the group’s meetings and take part.',
        },
        { group: values.group },
      ),
      values.link,
    ),
  };
}

export function declinedMail(
  intl: IntlShape,
  to: To,
  values: { group: string; note: string; link: string },
): Mail {
  return {
    to: to.email,
    subject: intl.formatMessage(
      { id: 'groups.email.declined.subject', defaultMessage: 'Your request to join {group}' },
      { group: values.group },
    ),
    text: paragraphs(
      hello(intl, to.name),
      intl.formatMessage(
        {
          id: 'groups.email.declined.body',
          defaultMessage:
            'Thank you for your interest in “{group}”. The group’s chairs are not able to accept your request to join at the moment.',
        },
        { group: values.group },
      ),
      values.note
        ? `${intl.formatMessage({
            id: 'groups.email.declined.note',
            defaultMessage: 'A note from the chairs:',
          })}\n${values.note}`
        : null,
      intl.formatMessage({
        id: 'groups.email.declined.again',
        defaultMessage:
          'You are welcome to ask again in future, and to follow what the group shares on its public page:',
      }),
      values.link,
    ),
  };
}
