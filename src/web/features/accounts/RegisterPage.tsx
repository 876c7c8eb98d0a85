import { useState } from 'react';
import { registerBody, type Me } from '../../../contracts/accounts.ts';
import { Form, PasswordField, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { withNext } from '../../lib/router.ts';

type Props = { next: string | null; onSignedIn: (me: Me) => void };

export function RegisterPage({ next, onSignedIn }: Props) {
  const form = useFormState();
  const [emailed, setEmailed] = useState<{ email: string; message: string } | null>(null);

  async function register(values: FormValues) {
    const body = validate(registerBody, next ? { ...values, next } : values);
    const answer = await api.post<{ user: Me } | { message: string }>('/api/v1/accounts', body);
    // The first account of a new installation is signed in at once; any other
    // finishes from the link we email.
    if ('user' in answer) onSignedIn(answer.user);
    else setEmailed({ email: body.email, message: answer.message });
  }

  if (emailed) {
    return (
      <Page title="Check your email">
        <p role="status" className="notice">
          {emailed.message}
        </p>
        <p>
          We sent it to <strong>{emailed.email}</strong>. Open the link in it and enter the password
          you chose to finish. If nothing arrives in a few minutes, look in your spam folder.
        </p>
        <p>
          If that address already has an account, the email says so instead: then{' '}
          <Link to={withNext('/sign-in', next)}>sign in</Link> or{' '}
          <Link to="/forgot-password">reset your password</Link>.
        </p>
      </Page>
    );
  }

  return (
    <Page title="Create an account">
      <p>
        With an account you can join groups you are invited to, or start your own. It is free, and
        anyone can have one.
      </p>
      <Form
        id="register"
        state={form}
        labels={{ name: 'Your name', email: 'Email address', password: 'Password' }}
        onSubmit={register}
      >
        <TextField
          name="name"
          autoComplete="name"
          hint="The name other people in your groups will see."
        />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          hint="We only use it to sign you in and to send you things from your groups."
        />
        <PasswordField
          name="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few everyday words in a row are easy to remember and hard to guess."
        />
        <SubmitButton busy={form.busy}>Create account</SubmitButton>
      </Form>
      <p>
        Already have an account? <Link to={withNext('/sign-in', next)}>Sign in</Link>
      </p>
    </Page>
  );
}
