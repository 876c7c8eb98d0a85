import { useState } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { PasswordField, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

/**
 * The email address that signs a person in: typed as it is, without the
 * keyboard's capitals or spelling fixes.
 */
export function EmailField({ autoComplete, hint }: { autoComplete: string; hint?: string }) {
  return (
    <TextField
      name="email"
      type="email"
      autoComplete={autoComplete}
      spellCheck={false}
      autoCapitalize="none"
      hint={hint}
    />
  );
}

/** A password being chosen, with what makes a good one. */
export function NewPasswordField() {
  const intl = useIntl();
  return (
    <PasswordField
      name="password"
      autoComplete="new-password"
      hint={intl.formatMessage({
        id: 'accounts.register.passwordHint',
        defaultMessage:
          'At least 10 characters. A few everyday words in a row are easy to remember and hard to guess.',
      })}
    />
  );
}

/**
 * Asks the server to email a link, then says what it answered and where to
 * look. `sent` is the message to show; it is empty while nothing has been sent.
 */
export function useLinkRequest(sentMessage: MessageDescriptor) {
  const intl = useIntl();
  const [sent, setSent] = useState('');
  async function request(path: string, body: () => unknown) {
    setSent('');
    // The API's own notice is in English; the page words it in the reader's language.
    await api.post(path, body());
    setSent(intl.formatMessage(sentMessage));
  }
  return { sent, request };
}

/** Where a form says that its email is on its way; screen readers hear it as it appears. */
export function SentNotice({ sent }: { sent: string }) {
  return (
    <p role="status" className={sent ? 'notice' : undefined}>
      {sent}
    </p>
  );
}
