import { QueryClient, useQueryClient, useQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
  useRouter,
  type ErrorComponentProps,
  type ParsedLocation,
} from '@tanstack/react-router';
import { useCallback } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { Me } from '../../contracts/accounts.ts';
import type { Group } from '../../contracts/groups.ts';
import { LoadProblem, Loading } from '../components/Feedback.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { useAccountLanguage } from '../i18n/LocaleProvider.tsx';
import { ApiError } from '../lib/api.ts';
import { apiQuery, sessionQuery } from '../lib/resource.ts';
import { connectRouter, nextFrom, usePlace, withNext } from '../lib/router.ts';
import { ContributorsPage, groupPath } from './GroupRole.tsx';
import { Layout } from './Layout.tsx';
import { pages, type Access, type PageRoute, type PageView } from './routes.tsx';

/** What every route may use: the query cache, and the messages in the person's language. */
export type RouterContext = { queryClient: QueryClient; intl: IntlShape };
type SessionContext = { me: Me | null };

/** The server state cache: answers stay fresh for a moment, so a page shows what its route just loaded. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        // A 404 or a 403 will not change by asking again; a page offers "Try again" for the rest.
        retry: false,
        retryOnMount: false,
      },
    },
  });
}

/** Who is signed in, from the cache; signing in and out below keep it true. */
export function useMe(): Me | null {
  return useQuery(sessionQuery).data?.user ?? null;
}

/** What a page calls when someone signs in (or their details change), or signs out. */
export function useSessionChanges() {
  const client = useQueryClient();
  const router = useRouter();
  const intl = useIntl();
  const signedIn = useCallback(
    (me: Me) => {
      client.setQueryData(sessionQuery.queryKey, { user: me });
      // Pages for people signed out now send them on: check again where they are.
      void router.invalidate();
    },
    [client, router],
  );
  const signedOut = useCallback(() => {
    client.setQueryData(sessionQuery.queryKey, { user: null });
    const notice = intl.formatMessage({
      id: 'app.session.signedOut',
      defaultMessage: 'You have signed out.',
    });
    // Once the last page has gone, nothing the last person could see stays in this browser's memory.
    void router.navigate({ href: '/sign-in', state: { notice } }).then(() =>
      client.removeQueries({
        predicate: ({ queryKey }) => queryKey[0] !== sessionQuery.queryKey[0],
      }),
    );
  }, [client, router, intl]);
  return { signedIn, signedOut };
}

function Shell() {
  const me = useMe();
  // The signed-in person's saved language applies once the session is known.
  useAccountLanguage(me);
  return (
    <Layout me={me}>
      <Outlet />
    </Layout>
  );
}

/** What went wrong, in words for the person: the API's own error, or "please reload". */
function useProblem(error: unknown): ApiError {
  const intl = useIntl();
  return error instanceof ApiError
    ? error
    : new ApiError(
        0,
        'unexpected',
        intl.formatMessage({
          id: 'app.session.problem',
          defaultMessage: 'Something went wrong. Please reload the page.',
        }),
      );
}

/**
 * A page that could not be shown: its code could not be fetched (the
 * connection dropped, or a new version of Accord replaced it) or it failed.
 * Trying again loads the page afresh, as the browser keeps a failed fetch of
 * a script for the life of the page.
 */
function PageProblem({ error }: ErrorComponentProps) {
  return <LoadProblem error={useProblem(error)} retry={() => window.location.reload()} />;
}

/** The session could not be found: no page can be chosen yet, so the layout of a signed-out visit. */
function SessionProblem({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Layout me={null}>
      <LoadProblem
        error={useProblem(error)}
        retry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </Layout>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Signed out is an answer (200 with no user), so the browser logs no failed request.
  beforeLoad: ({ context }): SessionContext | Promise<SessionContext> => {
    const known = context.queryClient.getQueryData(sessionQuery.queryKey);
    if (known) return { me: known.user };
    return context.queryClient.fetchQuery(sessionQuery).then((session) => ({ me: session.user }));
  },
  component: Shell,
  pendingComponent: () => (
    <Layout me={null}>
      <Loading />
    </Layout>
  ),
  // Only the first visit waits for the session: say so at once.
  pendingMs: 0,
  pendingMinMs: 0,
  errorComponent: SessionProblem,
  notFoundComponent: NotFoundPage,
});

/** Sends a person who may not open this page elsewhere, with a notice saying why. */
function checkAccess(
  access: Access,
  { me, intl }: { me: Me | null; intl: IntlShape },
  location: ParsedLocation,
  signedInGoesTo: string | undefined,
) {
  if (me && signedInGoesTo) throw redirect({ href: signedInGoesTo, replace: true });
  if (access === 'signedOut' && me) {
    throw redirect({
      href: nextFrom(location.hash) ?? '/groups',
      replace: true,
      state: {
        notice: intl.formatMessage({
          id: 'app.access.signedIn',
          defaultMessage: 'You are signed in.',
        }),
      },
    });
  }
  if ((access === 'signedIn' || access === 'admin') && !me) {
    throw redirect({
      href: withNext('/sign-in', location.href),
      replace: true,
      state: {
        notice: intl.formatMessage({
          id: 'app.access.signInFirst',
          defaultMessage: 'Sign in to see that page.',
        }),
      },
    });
  }
  // The installation's tools do not exist for anyone else.
  if (access === 'admin' && !me?.isAdmin) throw notFound();
}

function PageShown({
  view,
  forContributors,
  params,
}: {
  view: PageView;
  forContributors: boolean;
  params: Record<string, string>;
}) {
  const me = useMe();
  const place = usePlace();
  const { signedIn, signedOut } = useSessionChanges();
  const shown = view({ me, place, params, signedIn, signedOut });
  return forContributors && params.groupId !== undefined ? (
    <ContributorsPage groupId={params.groupId}>{shown}</ContributorsPage>
  ) : (
    shown
  );
}

/** The page's main answers, into the same cache the page reads; a failure is the page's to show. */
async function loadAnswers(
  page: PageRoute,
  queryClient: QueryClient,
  params: Record<string, string>,
  searchStr: string,
): Promise<void> {
  if (!page.load) return;
  const { groupId } = params;
  if (page.forContributors && groupId !== undefined) {
    // An observer's page asks for nothing that is not theirs to see.
    const group = await queryClient
      .fetchQuery(apiQuery<Group>(groupPath(groupId)))
      .catch(() => null);
    if (group?.myRole === 'observer') return;
  }
  const search = new URLSearchParams(searchStr);
  await Promise.all(
    page
      .load(params, search)
      .map((path) => queryClient.prefetchQuery({ ...apiQuery(path), staleTime: 0 })),
  );
}

function routeFor(page: PageRoute) {
  const route = createRoute({
    getParentRoute: () => rootRoute,
    path: page.path,
    beforeLoad: ({ context, location }) =>
      checkAccess(page.access, context, location, page.signedInGoesTo),
    // The page's code and its main answers are fetched at the same time, while
    // the last page stays on screen; the page is shown once both have arrived.
    loader: async ({ context, params, location }) => {
      const [view] = await Promise.all([
        page.view(),
        loadAnswers(
          page,
          context.queryClient,
          params as Record<string, string>,
          location.searchStr,
        ),
      ]);
      return { view };
    },
    // A new address is a new page: nothing typed into the last one carries over.
    remountDeps: ({ params }) => params,
    component: function RoutePage() {
      const params = route.useParams() as Record<string, string>;
      const loaded = route.useLoaderData();
      // The route renders once its loader has finished, so the view is always there.
      if (!loaded) return null;
      return (
        <PageShown
          view={loaded.view}
          forContributors={page.forContributors ?? false}
          params={params}
        />
      );
    },
  });
  return route;
}

const routeTree = rootRoute.addChildren(pages.map(routeFor));

/** Only what the address says, kept exactly as our pages write it (`?when=past`). */
function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const text = new URLSearchParams(search as Record<string, string>).toString();
  return text ? `?${text}` : '';
}

/** The app's router; App keeps `intl` in its context up to date as the language changes. */
export function createAppRouter(context: RouterContext) {
  const router = createRouter({
    routeTree,
    context,
    parseSearch,
    stringifySearch,
    // Back and forward return to where the person was on the page; a new page starts at the top.
    scrollRestoration: true,
    defaultPendingComponent: () => <Loading />,
    defaultErrorComponent: PageProblem,
    defaultNotFoundComponent: NotFoundPage,
  });
  // Before the first load, so that the address the app was opened at is known as the first.
  connectRouter(router);
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
