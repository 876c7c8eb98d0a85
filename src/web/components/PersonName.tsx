import { FormattedMessage } from 'react-intl';

/** A person's name in a list of people, marked "(you)" where it is the reader's own. */
export function PersonName({ name, isMe }: { name: string; isMe: boolean }) {
  return isMe ? (
    <FormattedMessage id="common.person.you" defaultMessage="{name} (you)" values={{ name }} />
  ) : (
    name
  );
}
