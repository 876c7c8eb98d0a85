import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { AnnouncerProvider } from '../components/Announcer.tsx';
import { onApiChange } from '../lib/api.ts';
import { invalidateAfterChange } from '../lib/resource.ts';
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
  // Every change that succeeds, from a form, a button or anywhere else, makes the cache stale.
  useEffect(
    () => onApiChange((path) => void invalidateAfterChange(queryClient, path)),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <RouterProvider router={router} context={{ queryClient, intl }} />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
