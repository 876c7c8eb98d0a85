import type { ReactNode } from 'react';
import { defineMessage, FormattedMessage, type MessageDescriptor } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { groupPage } from './types.ts';

/** The words of the link a learning page offers someone it cannot be shown to. */
export const TO_MY_GROUPS = defineMessage({
  id: 'learning.log.myGroups',
  defaultMessage: 'Go to my groups',
});

type Props = {
  /** A sentence that puts the group's name, as <group>{name}</group>, in a link to its page. */
  message: MessageDescriptor;
  groupId: string;
  groupName: string;
};

/** The line under a learning page's heading: what it holds, for which group. */
export function GroupLead({ message, groupId, groupName }: Props) {
  return (
    <div className="lead">
      <p>
        <FormattedMessage
          {...message}
          values={{
            name: groupName,
            group: (chunks: ReactNode[]) => <Link to={groupPage(groupId)}>{chunks}</Link>,
          }}
        />
      </p>
    </div>
  );
}
