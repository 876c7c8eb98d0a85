import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { segment } from '../../lib/api.ts';
import { decisionsPage, proposalsPage } from './types.ts';

type Props = {
  groupId: string;
  groupName: string;
  /** Where else in the group's decisions to go from here: its register, or its proposals. */
  next: 'register' | 'proposals';
};

/** The line under the heading of a decisions page: whose it is, and a link onward. */
export function RegisterLead({ groupId, groupName, next }: Props) {
  return (
    <div className="lead">
      <p>
        <FormattedMessage
          id="decisions.decision.of"
          defaultMessage="Of <link>{group}</link>"
          values={{
            group: groupName,
            link: (chunks: ReactNode[]) => <Link to={`/groups/${segment(groupId)}`}>{chunks}</Link>,
          }}
        />
      </p>
      <p>
        {next === 'register' ? (
          <Link to={decisionsPage(groupId)}>
            <FormattedMessage id="decisions.register.title" defaultMessage="Decision register" />
          </Link>
        ) : (
          <Link to={proposalsPage(groupId)}>
            <FormattedMessage
              id="decisions.register.proposals"
              defaultMessage="Proposals between meetings"
            />
          </Link>
        )}
      </p>
    </div>
  );
}
