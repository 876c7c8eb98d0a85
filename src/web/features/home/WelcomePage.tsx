import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';

export function WelcomePage() {
  const intl = useIntl();
  return (
    <Page
      title={intl.formatMessage({ id: 'home.welcome.title', defaultMessage: 'Welcome to Accord' })}
    >
      <p className="intro">
        <FormattedMessage
          id="home.welcome.intro"
          defaultMessage="Accord helps co-production groups work together by the rules they agree: people who use services, carers, volunteers and staff, steering a piece of work as equals."
        />
      </p>
      <div className="actions">
        <Link to="/register" className="button">
          <FormattedMessage id="home.welcome.register" defaultMessage="Create an account" />
        </Link>
        <Link to="/sign-in" className="button button-secondary">
          <FormattedMessage id="home.welcome.signIn" defaultMessage="Sign in" />
        </Link>
      </div>
      <p>
        <FormattedMessage
          id="home.welcome.invitation"
          defaultMessage="Have you been sent an invitation link? Open it, and you can join the group from there."
        />
      </p>
    </Page>
  );
}
