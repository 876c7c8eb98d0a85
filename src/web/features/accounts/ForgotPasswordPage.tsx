import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestLinkBody } from '../../../contracts/accounts.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';

export function ForgotPasswordPage() {
  const intl = useIntl();
  const form = useFormState();
  const [sent, setSent] = useState('');

  async function requestReset(values: FormValues) {
    setSent('');
    const body = validate(requestLinkBody, values);
    await api.post('/api/v1/password-resets', body);
    setSent(
      intl.formatMessage({
        id: 'accounts.forgot.sent',
        defaultMessage:
          'If that email has an account, a reset link is on its way. It works once, for 15 minutes. Check your inbox, and your spam folder too.',
      }),
    );
  }

  return (
    <Page
      title={intl.formatMessage({
        id: 'accounts.forgot.title',
        defaultMessage: 'Reset your password',
      })}
    >
      <p>
        <FormattedMessage
          id="accounts.forgot.lead"
          defaultMessage="Tell us the email address you use for Accord. We will email you a link to choose a new password."
        />
      </p>
      <Form
        id="forgot"
        state={form}
        labels={{
          email: intl.formatMessage({
            id: 'accounts.forgot.email',
            defaultMessage: 'Email address',
          }),
        }}
        onSubmit={requestReset}
      >
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="accounts.forgot.submit" defaultMessage="Email me a reset link" />
        </SubmitButton>
        <p role="status" className={sent ? 'notice' : undefined}>
          {sent}
        </p>
      </Form>
      <p>
        <FormattedMessage
          id="accounts.forgot.remembered"
          defaultMessage="Remembered it? <link>Sign in</link>. You can also sign in with a link sent to your email, without a password."
          values={{ link: (chunks) => <Link to="/sign-in">{chunks}</Link> }}
        />
      </p>
    </Page>
  );
}
