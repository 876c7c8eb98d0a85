import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { AnnouncerProvider } from '../components/Announcer.tsx';
import { createAppRouter, createQueryClient } from './router.tsx';

/**
 * The app: server state in TanStack Query's cache, pages from TanStack
 * Router's route tree, and one live region for what changes.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <RouterProvider router={router} />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
