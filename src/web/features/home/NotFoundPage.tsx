import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. If you typed it, check it for mistakes.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </Page>
  );
}
