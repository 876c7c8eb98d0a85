import { defineMessages } from '@formatjs/intl';

/** What the live event streams answer when there is no room for another. */
export const m = defineMessages({
  tooManyOfYours: {
    id: 'api.events.tooManyOfYours',
    defaultMessage:
      'You already have {count} live views open. Close one (another tab or window) and try again.',
  },
  full: {
    id: 'api.events.full',
    defaultMessage:
      'Accord is serving as many live views as it can just now. Try again in a moment.',
  },
});
