import { defineMessages } from '@formatjs/intl';

/** What the learning log and suggestions answer when they cannot do what was asked. */
export const m = defineMessages({
  alreadyConsidered: {
    id: 'api.learning.alreadyConsidered',
    defaultMessage: 'How this suggestion was considered is already recorded.',
  },
});
