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

  async function register(values: FormValues) {
    const body = validate(registerBody, values);
    const { user } = await api.post<{ user: Me }>('/api/v1/accounts', body);
    onSignedIn(user);
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
