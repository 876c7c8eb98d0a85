import { defineMessages } from '@formatjs/intl';

/** What membership answers when it cannot do what was asked. */
export const m = defineMessages({
  noCategories: {
    id: 'api.membership.noCategories',
    defaultMessage: 'cannot be kept: our Terms of Reference name no categories for the quorum',
  },
  oneOfCategories: {
    id: 'api.membership.oneOfCategories',
    defaultMessage: "must be one of the quorum's categories: {categories}",
  },
});
