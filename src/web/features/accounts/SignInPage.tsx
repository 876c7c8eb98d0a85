import { useState } from 'react';
import { requestSignInLinkBody, signInBody, type Me } from '../../../contracts/accounts.ts';
import { Form, PasswordField, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { withNext } from '../../lib/router.ts';

type Props = { next: string | null; onSignedIn: (me: Me) => void };

export function SignInPage({ next, onSignedIn }: Props) {
  const passwordForm = useFormState();
  const linkForm = useFormState();
  const [linkSent, setLinkSent] = useState('');

  async function signIn(values: FormValues) {
    const body = validate(signInBody, values);
    const { user } = await api.post<{ user: Me }>('/api/v1/session', body);
    onSignedIn(user);
  }

  async function emailLink(values: FormValues) {
    setLinkSent('');
    const body = validate(requestSignInLinkBody, next ? { ...values, next } : values);
    const answer = await api.post<{ message: string }>('/api/v1/session/link-requests', body);
    setLinkSent(`${answer.message} Check your inbox, and your spam folder too.`);
  }

  return (
    <Page title="Sign in">
      <section aria-labelledby="with-password">
        <h2 id="with-password">Sign in with your password</h2>
        <Form
          id="sign-in"
          state={passwordForm}
          labels={{ email: 'Email address', password: 'Password' }}
          onSubmit={signIn}
          labelledBy="with-password"
        >
          <TextField
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
          />
          <PasswordField name="password" autoComplete="current-password" />
          <SubmitButton busy={passwordForm.busy}>Sign in</SubmitButton>
        </Form>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </section>

      <section aria-labelledby="with-link">
        <h2 id="with-link">Sign in with an email link</h2>
        <p>
          No password needed: we email you a link that signs you in. It works once, for 15 minutes.
        </p>
        <Form
          id="sign-in-link"
          state={linkForm}
          labels={{ email: 'Email address' }}
          onSubmit={emailLink}
          labelledBy="with-link"
        >
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            autoCapitalize="none"
          />
          <SubmitButton busy={linkForm.busy}>Email me a sign-in link</SubmitButton>
          <p role="status" className={linkSent ? 'notice' : undefined}>
            {linkSent}
          </p>
        </Form>
      </section>

      <p>
        New to Accord? <Link to={withNext('/register', next)}>Create an account</Link>
      </p>
    </Page>
  );
}
