import { FormattedMessage } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';

/** An emailed link that arrived cut short: what to do, and where to get a new one. */
export function IncompleteLink({
  title,
  to,
  action,
}: {
  title: string;
  to: string;
  action?: string;
}) {
  return (
    <Page title={title}>
      <p>
        <FormattedMessage
          id="accounts.link.incomplete"
          defaultMessage="Open the link from your email again. If you copied it, make sure you copied all of it."
        />
      </p>
      {action ? (
        <p>
          <Link to={to}>{action}</Link>
        </p>
      ) : null}
    </Page>
  );
}
