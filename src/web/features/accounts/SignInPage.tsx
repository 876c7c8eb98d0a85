import { defineMessage, FormattedMessage, useIntl } from 'react-intl';
import { requestSignInLinkBody, signInBody, type Me } from '../../../contracts/accounts.ts';
import { Form, PasswordField, SubmitButton } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { withNext } from '../../lib/router.ts';
import { EmailField, SentNotice, useLinkRequest } from './fields.tsx';

type Props = { next: string | null; onSignedIn: (me: Me) => void };

const LINK_SENT = defineMessage({
  id: 'accounts.signIn.linkSent',
  defaultMessage:
    'If that email has an account, a sign-in link is on its way. It works once, for 15 minutes. Check your inbox, and your spam folder too.',
});

export function SignInPage({ next, onSignedIn }: Props) {
  const intl = useIntl();
  const { followAccount } = useLocale();
  const passwordForm = useFormState();
  const linkForm = useFormState();
  const link = useLinkRequest(LINK_SENT);
  const emailLabel = intl.formatMessage({
    id: 'accounts.signIn.email',
    defaultMessage: 'Email address',
  });

  async function signIn(values: FormValues) {
    const body = validate(signInBody, values);
    const { user } = await api.post<{ user: Me }>('/api/v1/session', body);
    followAccount(user);
    onSignedIn(user);
  }

  async function emailLink(values: FormValues) {
    await link.request('/api/v1/session/link-requests', () =>
      validate(requestSignInLinkBody, next ? { ...values, next } : values),
    );
  }

  return (
    <Page title={intl.formatMessage({ id: 'accounts.signIn.title', defaultMessage: 'Sign in' })}>
      <section aria-labelledby="with-password">
        <h2 id="with-password">
          <FormattedMessage
            id="accounts.signIn.withPassword"
            defaultMessage="Sign in with your password"
          />
        </h2>
        <Form
          id="sign-in"
          state={passwordForm}
          labels={{
            email: emailLabel,
            password: intl.formatMessage({
              id: 'accounts.signIn.password',
              defaultMessage: 'Password',
            }),
          }}
          onSubmit={signIn}
          labelledBy="with-password"
        >
          <EmailField autoComplete="username" />
          <PasswordField name="password" autoComplete="current-password" />
          <SubmitButton busy={passwordForm.busy}>
            <FormattedMessage id="accounts.signIn.submit" defaultMessage="Sign in" />
          </SubmitButton>
        </Form>
        <p>
          <Link to="/forgot-password">
            <FormattedMessage id="accounts.signIn.forgot" defaultMessage="Forgot your password?" />
          </Link>
        </p>
      </section>

      <section aria-labelledby="with-link">
        <h2 id="with-link">
          <FormattedMessage
            id="accounts.signIn.withLink"
            defaultMessage="Sign in with an email link"
          />
        </h2>
        <p>
          <FormattedMessage
            id="accounts.signIn.linkHint"
            defaultMessage="No password needed: we email you a link that signs you in. It works once, for 15 minutes."
          />
        </p>
        <Form
          id="sign-in-link"
          state={linkForm}
          labels={{ email: emailLabel }}
          onSubmit={emailLink}
          labelledBy="with-link"
        >
          <EmailField autoComplete="email" />
          <SubmitButton busy={linkForm.busy}>
            <FormattedMessage
              id="accounts.signIn.sendLink"
              defaultMessage="Email me a sign-in link"
            />
          </SubmitButton>
          <SentNotice sent={link.sent} />
        </Form>
      </section>

      <p>
        <FormattedMessage
          id="accounts.signIn.new"
          defaultMessage="New to Accord? <link>Create an account</link>"
          values={{ link: (chunks) => <Link to={withNext('/register', next)}>{chunks}</Link> }}
        />
      </p>
    </Page>
  );
}
