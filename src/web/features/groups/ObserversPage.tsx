import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { segment } from '../../lib/api.ts';

/**
 * What an observer sees at a part of the group that is for the people who
 * take part (notes, decisions, the Terms of Reference…): said plainly, with
 * the way back to what they may see. Nothing of that part is fetched.
 */
export function ObserversPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  return (
    <Page
      title={intl.formatMessage({
        id: 'groups.observers.title',
        defaultMessage: 'For the people who take part',
      })}
    >
      <p>
        <FormattedMessage
          id="groups.observers.body"
          defaultMessage="You observe this group: you see its meetings and what it chooses to share. This part is for the people who take part in the group, so it is not shown to observers."
        />
      </p>
      <p>
        <Link to={`/groups/${segment(groupId)}`}>
          <FormattedMessage id="groups.observers.back" defaultMessage="Back to the group" />
        </Link>
      </p>
    </Page>
  );
}
