import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';

export function NotFoundPage() {
  const intl = useIntl();
  return (
    <Page
      title={intl.formatMessage({ id: 'home.notFound.title', defaultMessage: 'Page not found' })}
    >
      <p>
        <FormattedMessage
          id="home.notFound.lead"
          defaultMessage="There is no page at this address. If you typed it, check it for mistakes."
        />
      </p>
      <p>
        <Link to="/">
          <FormattedMessage id="home.notFound.start" defaultMessage="Go to the start page" />
        </Link>
      </p>
    </Page>
  );
}
