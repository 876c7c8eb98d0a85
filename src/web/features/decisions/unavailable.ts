import { defineMessage } from 'react-intl';

/** Why a group's decisions page cannot be shown, when the group is missing or the reader is not in it. */
export const GROUP_MISSING = defineMessage({
  id: 'decisions.register.notFound',
  defaultMessage: 'The group may have been removed, or you may not be in it.',
});

/** The words of the link a group's decisions page offers someone it cannot be shown to. */
export const TO_MY_GROUPS = defineMessage({
  id: 'decisions.register.toGroups',
  defaultMessage: 'Go to my groups',
});
