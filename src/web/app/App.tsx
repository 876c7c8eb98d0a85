import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { AnnouncerProvider } from '../components/Announcer.tsx';
import { createAppRouter, createQueryClient } from './router.tsx';

/**
 * The app: server state in TanStack Query's cache, pages from TanStack
 * Router's route tree, and one live region for what changes. It sits inside
 * the LocaleProvider, so routes can word their notices in the person's language.
 */
export function App() {
  const intl = useIntl();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter({ queryClient, intl }));
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <RouterProvider router={router} context={{ queryClient, intl }} />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
