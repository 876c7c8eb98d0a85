import { defineMessages } from 'react-intl';
import { UnavailablePage } from '../../components/PageFrames.tsx';

const NOT_FOUND = defineMessages({
  title: { id: 'home.notFound.title', defaultMessage: 'Page not found' },
  missing: {
    id: 'home.notFound.lead',
    defaultMessage: 'There is no page at this address. If you typed it, check it for mistakes.',
  },
  back: { id: 'home.notFound.start', defaultMessage: 'Go to the start page' },
});

export function NotFoundPage() {
  return <UnavailablePage messages={NOT_FOUND} back="/" />;
}
