import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { registerBody, type Me } from '../../../contracts/accounts.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { withNext } from '../../lib/router.ts';
import { EmailField, NewPasswordField } from './fields.tsx';

type Props = { next: string | null; onSignedIn: (me: Me) => void };

export function RegisterPage({ next, onSignedIn }: Props) {
  const intl = useIntl();
  const { locale, followAccount } = useLocale();
  const form = useFormState();
  const [emailed, setEmailed] = useState<{ email: string } | null>(null);

  async function register(values: FormValues) {
    // The account keeps the language it was made in, and the email with its link is in it too.
    const body = validate(registerBody, { ...values, language: locale, ...(next ? { next } : {}) });
    const answer = await api.post<{ user: Me } | { message: string }>('/api/v1/accounts', body);
    // The first account of a new installation is signed in at once; any other
    // finishes from the link we email.
    if ('user' in answer) {
      followAccount(answer.user);
      onSignedIn(answer.user);
    } else setEmailed({ email: body.email });
  }

  if (emailed) {
    return (
      <Page
        title={intl.formatMessage({
          id: 'accounts.register.checkEmail',
          defaultMessage: 'Check your email',
        })}
      >
        <p role="status" className="notice">
          <FormattedMessage
            id="accounts.register.emailed"
            defaultMessage="Check your email: we have sent a link to finish creating your account. It works for 24 hours."
          />
        </p>
        <p>
          <FormattedMessage
            id="accounts.register.sentTo"
            defaultMessage="We sent it to <b>{email}</b>. Open the link in it and enter the password you chose to finish. If nothing arrives in a few minutes, look in your spam folder."
            values={{ email: emailed.email, b: (chunks) => <strong>{chunks}</strong> }}
          />
        </p>
        <p>
          <FormattedMessage
            id="accounts.register.already"
            defaultMessage="If that address already has an account, the email says so instead: then <signIn>sign in</signIn> or <reset>reset your password</reset>."
            values={{
              signIn: (chunks) => <Link to={withNext('/sign-in', next)}>{chunks}</Link>,
              reset: (chunks) => <Link to="/forgot-password">{chunks}</Link>,
            }}
          />
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={intl.formatMessage({
        id: 'accounts.register.title',
        defaultMessage: 'Create an account',
      })}
    >
      <p>
        <FormattedMessage
          id="accounts.register.lead"
          defaultMessage="With an account you can join groups you are invited to, or start your own. It is free, and anyone can have one."
        />
      </p>
      <Form
        id="register"
        state={form}
        labels={{
          name: intl.formatMessage({ id: 'accounts.register.name', defaultMessage: 'Your name' }),
          email: intl.formatMessage({
            id: 'accounts.register.email',
            defaultMessage: 'Email address',
          }),
          password: intl.formatMessage({
            id: 'accounts.register.password',
            defaultMessage: 'Password',
          }),
        }}
        onSubmit={register}
      >
        <TextField
          name="name"
          autoComplete="name"
          hint={intl.formatMessage({
            id: 'accounts.register.nameHint',
            defaultMessage: 'The name other people in your groups will see.',
          })}
        />
        <EmailField
          autoComplete="email"
          hint={intl.formatMessage({
            id: 'accounts.register.emailHint',
            defaultMessage:
              'We only use it to sign you in and to send you things from your groups.',
          })}
        />
        <NewPasswordField />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="accounts.register.submit" defaultMessage="Create account" />
        </SubmitButton>
      </Form>
      <p>
        <FormattedMessage
          id="accounts.register.haveAccount"
          defaultMessage="Already have an account? <link>Sign in</link>"
          values={{ link: (chunks) => <Link to={withNext('/sign-in', next)}>{chunks}</Link> }}
        />
      </p>
    </Page>
  );
}
