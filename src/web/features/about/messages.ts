import { defineMessages } from 'react-intl';

/** Words app/ shows for the about pages: the footer's link to the accessibility statement. */
export const aboutMessages = defineMessages({
  footerAccessibility: {
    id: 'about.footer.accessibility',
    defaultMessage: 'Accessibility statement',
  },
});
