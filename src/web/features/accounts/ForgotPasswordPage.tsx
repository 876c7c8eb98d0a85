import { useState } from 'react';
import { requestLinkBody } from '../../../contracts/accounts.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';

export function ForgotPasswordPage() {
  const form = useFormState();
  const [sent, setSent] = useState('');

  async function requestReset(values: FormValues) {
    setSent('');
    const body = validate(requestLinkBody, values);
    const answer = await api.post<{ message: string }>('/api/v1/password-resets', body);
    setSent(`${answer.message} Check your inbox, and your spam folder too.`);
  }

  return (
    <Page title="Reset your password">
      <p>
        Tell us the email address you use for Accord. We will email you a link to choose a new
        password.
      </p>
      <Form id="forgot" state={form} labels={{ email: 'Email address' }} onSubmit={requestReset}>
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        <SubmitButton busy={form.busy}>Email me a reset link</SubmitButton>
        <p role="status" className={sent ? 'notice' : undefined}>
          {sent}
        </p>
      </Form>
      <p>
        Remembered it? <Link to="/sign-in">Sign in</Link>. You can also sign in with a link sent to
        your email, without a password.
      </p>
    </Page>
  );
}
