import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';

export function WelcomePage() {
  return (
    <Page title="Welcome to Accord">
      <p className="intro">
        Accord helps co-production groups work together by the rules they agree: people who use
        services, carers, volunteers and staff, steering a piece of work as equals.
      </p>
      <div className="actions">
        <Link to="/register" className="button">
          Create an account
        </Link>
        <Link to="/sign-in" className="button button-secondary">
          Sign in
        </Link>
      </div>
      <p>Have you been sent an invitation link? Open it, and you can join the group from there.</p>
    </Page>
  );
}
