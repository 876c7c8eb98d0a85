import type { ReactNode } from 'react';
import type { Me } from '../../contracts/accounts.ts';
import { segment } from '../lib/api.ts';
import { nextFrom, type Place } from '../lib/router.ts';

export type PageContext = {
  me: Me | null;
  place: Place;
  params: Record<string, string>;
  signedIn: (me: Me) => void;
  signedOut: () => void;
};

/** Who may open a page: anyone; only people signed out; only people signed in; administrators. */
export type Access = 'anyone' | 'signedOut' | 'signedIn' | 'admin';

/** How a page is drawn, once its code has arrived. */
export type PageView = (context: PageContext) => ReactNode;

/**
 * One page of the app. `path` is in TanStack Router's form (`$groupId` for a
 * part of the address); `load` names the API paths whose answers the page
 * shows first, fetched while the page is on its way; `signedInGoesTo` sends
 * a signed-in person elsewhere. `view` fetches the page's code, a file of its
 * own, so that the first page opened brings only what it needs.
 */
export type PageRoute = {
  path: string;
  access: Access;
  load?: (params: Record<string, string>, search: URLSearchParams) => string[];
  signedInGoesTo?: string;
  /** A part of a group for the people who take part: observers are told so, and nothing is fetched. */
  forContributors?: boolean;
  view: () => Promise<PageView>;
};

/**
 * A page whose code is fetched the first time it is opened: `code` imports
 * its modules (`import('…')`, or several `together`), and `render` draws the
 * page from them. Only a literal `import()` here makes the page a file of its
 * own, so every page's code is named where the page is.
 */
function page<Code>(
  code: () => Promise<Code>,
  render: (context: PageContext, code: Code) => ReactNode,
): () => Promise<PageView> {
  return () => code().then((loaded) => (context: PageContext) => render(context, loaded));
}

type Joined<Modules extends unknown[]> = Modules extends [infer First, ...infer Rest]
  ? First & Joined<Rest>
  : unknown;

/** The modules of a page made of more than one, fetched at the same time. */
function together<Modules extends unknown[]>(
  ...modules: { [K in keyof Modules]: Promise<Modules[K]> }
): Promise<Joined<Modules>> {
  return Promise.all(modules).then(
    (loaded) => Object.assign({}, ...(loaded as object[])) as Joined<Modules>,
  );
}

/** A token carried as `#token=…` in an emailed link. */
function tokenFrom(hash: string): string {
  return new URLSearchParams(hash).get('token') ?? '';
}

/** The API path of a group, or of something under it. */
function group(params: Record<string, string>, rest = ''): string {
  return `/api/v1/groups/${segment(params.groupId ?? '')}${rest}`;
}

type MarkdownRenderer = { markdown: (source: string) => ReactNode };
let markdownModule: Promise<MarkdownRenderer> | undefined;

/**
 * Notes and released items are Markdown, stored as written and rendered by
 * the shared safe renderer: one `markdown` function for every page that shows it.
 */
function markdownRenderer(): Promise<MarkdownRenderer> {
  markdownModule ??= import('../components/Markdown.tsx').then(
    ({ Markdown }) => ({ markdown: (source: string) => <Markdown source={source} /> }),
    (error: unknown) => {
      // Asked for again next time: the connection may be back.
      markdownModule = undefined;
      throw error;
    },
  );
  return markdownModule;
}

export const pages: PageRoute[] = [
  {
    path: '/',
    access: 'anyone',
    signedInGoesTo: '/groups',
    view: page(
      () => import('../features/home/WelcomePage.tsx'),
      (_, { WelcomePage }) => <WelcomePage />,
    ),
  },
  {
    path: '/register',
    access: 'signedOut',
    view: page(
      () => import('../features/accounts/RegisterPage.tsx'),
      ({ place, signedIn }, { RegisterPage }) => (
        <RegisterPage next={nextFrom(place.hash)} onSignedIn={signedIn} />
      ),
    ),
  },
  {
    path: '/register/confirm',
    access: 'anyone',
    view: page(
      () => import('../features/accounts/RegisterConfirmPage.tsx'),
      ({ place, signedIn }, { RegisterConfirmPage }) => (
        <RegisterConfirmPage
          token={tokenFrom(place.hash)}
          next={nextFrom(place.hash)}
          onSignedIn={signedIn}
        />
      ),
    ),
  },
  {
    path: '/sign-in',
    access: 'signedOut',
    view: page(
      () => import('../features/accounts/SignInPage.tsx'),
      ({ place, signedIn }, { SignInPage }) => (
        <SignInPage next={nextFrom(place.hash)} onSignedIn={signedIn} />
      ),
    ),
  },
  {
    path: '/sign-in/link',
    access: 'anyone',
    view: page(
      () => import('../features/accounts/SignInLinkPage.tsx'),
      ({ place, signedIn }, { SignInLinkPage }) => (
        <SignInLinkPage
          token={tokenFrom(place.hash)}
          next={nextFrom(place.hash)}
          onSignedIn={signedIn}
        />
      ),
    ),
  },
  {
    path: '/accessibility',
    access: 'anyone',
    view: page(
      () => import('../features/about/AccessibilityPage.tsx'),
      (_, { AccessibilityPage }) => <AccessibilityPage />,
    ),
  },
  {
    path: '/forgot-password',
    access: 'anyone',
    view: page(
      () => import('../features/accounts/ForgotPasswordPage.tsx'),
      (_, { ForgotPasswordPage }) => <ForgotPasswordPage />,
    ),
  },
  {
    path: '/reset-password',
    access: 'anyone',
    view: page(
      () => import('../features/accounts/ResetPasswordPage.tsx'),
      ({ place, signedIn }, { ResetPasswordPage }) => (
        <ResetPasswordPage token={tokenFrom(place.hash)} onSignedIn={signedIn} />
      ),
    ),
  },
  {
    path: '/groups',
    access: 'signedIn',
    load: () => ['/api/v1/groups'],
    view: page(
      () => import('../features/groups/MyGroupsPage.tsx'),
      (_, { MyGroupsPage }) => <MyGroupsPage />,
    ),
  },
  {
    path: '/groups/$groupId',
    access: 'signedIn',
    load: (params) => [group(params)],
    view: page(
      () => import('./GroupHome.tsx'),
      ({ me, params }, { GroupHome }) =>
        me ? <GroupHome groupId={params.groupId ?? ''} me={me} /> : null,
    ),
  },
  {
    path: '/groups/$groupId/meetings',
    access: 'signedIn',
    load: (params, search) => [
      group(params),
      group(params, `/meetings?when=${search.get('when') === 'past' ? 'past' : 'upcoming'}`),
    ],
    view: page(
      () => import('../features/meetings/MeetingsPage.tsx'),
      ({ params }, { MeetingsPage }) => <MeetingsPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/meetings/$meetingId',
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/meetings/${segment(params.meetingId ?? '')}`),
    ],
    view: page(
      () =>
        together(
          import('../features/meetings/MeetingPage.tsx'),
          import('../features/decisions/ProposalsSection.tsx'),
          import('./GroupRole.tsx'),
        ),
      ({ me, params }, { MeetingPage, ProposalsSection, ForContributors }) =>
        me ? (
          <MeetingPage
            groupId={params.groupId ?? ''}
            meetingId={params.meetingId ?? ''}
            me={me}
            proposals={({ meeting, remitAreas, can }) => (
              <ForContributors groupId={meeting.groupId}>
                <ProposalsSection
                  groupId={meeting.groupId}
                  meetingId={meeting.id}
                  remitAreas={remitAreas}
                  timeZone={meeting.timeZone}
                  canRaise={can.addItem && meeting.status === 'scheduled'}
                />
              </ForContributors>
            )}
          />
        ) : null,
    ),
  },
  {
    path: '/groups/$groupId/meetings/$meetingId/check-in',
    access: 'signedIn',
    load: (params) => [group(params, `/meetings/${segment(params.meetingId ?? '')}`)],
    view: page(
      () => import('../features/meetings/CheckInPage.tsx'),
      ({ me, params, place }, { CheckInPage }) =>
        me ? (
          <CheckInPage
            groupId={params.groupId ?? ''}
            meetingId={params.meetingId ?? ''}
            me={me}
            search={place.search}
          />
        ) : null,
    ),
  },
  {
    path: '/groups/$groupId/proposals',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/proposals')],
    view: page(
      () => import('../features/decisions/ProposalsPage.tsx'),
      ({ params }, { ProposalsPage }) => <ProposalsPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/decisions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/decisions')],
    view: page(
      () => import('../features/decisions/DecisionsPage.tsx'),
      ({ params }, { DecisionsPage }) => <DecisionsPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/decisions/$decisionId',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/decisions/${segment(params.decisionId ?? '')}`),
    ],
    view: page(
      () => import('../features/decisions/DecisionPage.tsx'),
      ({ params }, { DecisionPage }) => (
        <DecisionPage groupId={params.groupId ?? ''} decisionId={params.decisionId ?? ''} />
      ),
    ),
  },
  {
    path: '/groups/$groupId/people/$userId',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, `/membership/${segment(params.userId ?? '')}`)],
    view: page(
      () => import('../features/membership/PersonPage.tsx'),
      ({ params }, { PersonPage }) => (
        <PersonPage groupId={params.groupId ?? ''} userId={params.userId ?? ''} />
      ),
    ),
  },
  {
    path: '/groups/$groupId/terms',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms')],
    view: page(
      () =>
        together(
          import('../features/terms/TermsPage.tsx'),
          import('../features/public/ReleaseDialog.tsx'),
        ),
      ({ params }, { TermsPage, ReleaseDialog }) => (
        <TermsPage
          groupId={params.groupId ?? ''}
          release={({ groupId, versionId, what }) => (
            <ReleaseDialog groupId={groupId} itemType="terms" itemId={versionId} what={what} />
          )}
        />
      ),
    ),
  },
  {
    path: '/groups/$groupId/terms/draft',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms/draft')],
    view: page(
      () => import('../features/terms/DraftPage.tsx'),
      ({ params }, { DraftPage }) => <DraftPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/terms/history',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params, '/terms/versions')],
    view: page(
      () => import('../features/terms/HistoryPage.tsx'),
      ({ params }, { HistoryPage }) => <HistoryPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/terms/easy-read',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms')],
    view: page(
      () => import('../features/easyread/EasyReadPage.tsx'),
      ({ params }, { EasyReadPage }) => <EasyReadPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/meetings/$meetingId/notes',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/meetings/${segment(params.meetingId ?? '')}/notes`),
    ],
    view: page(
      () =>
        together(
          import('../features/notes/NotesPage.tsx'),
          import('../features/public/ReleaseDialog.tsx'),
          markdownRenderer(),
        ),
      ({ me, params }, { NotesPage, ReleaseDialog, markdown }) =>
        me ? (
          <NotesPage
            groupId={params.groupId ?? ''}
            meetingId={params.meetingId ?? ''}
            me={me}
            markdown={markdown}
            release={({ groupId, meetingId, what }) => (
              <ReleaseDialog groupId={groupId} itemType="notes" itemId={meetingId} what={what} />
            )}
          />
        ) : null,
    ),
  },
  {
    path: '/groups/$groupId/actions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params)],
    view: page(
      () => import('../features/notes/ActionsPage.tsx'),
      ({ me, params }, { ActionsPage }) =>
        me ? <ActionsPage groupId={params.groupId ?? ''} me={me} /> : null,
    ),
  },
  {
    path: '/groups/$groupId/learning',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/learning')],
    view: page(
      () =>
        together(
          import('../features/learning/LearningPage.tsx'),
          import('../features/public/ReleaseDialog.tsx'),
        ),
      ({ params }, { LearningPage, ReleaseDialog }) => (
        <LearningPage
          groupId={params.groupId ?? ''}
          release={({ groupId, entryId, what, onChanged }) => (
            <ReleaseDialog
              groupId={groupId}
              itemType="learning"
              itemId={entryId}
              what={what}
              onChanged={onChanged}
            />
          )}
        />
      ),
    ),
  },
  {
    path: '/groups/$groupId/suggestions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/suggestions')],
    view: page(
      () => import('../features/learning/SuggestionsPage.tsx'),
      ({ params }, { SuggestionsPage }) => <SuggestionsPage groupId={params.groupId ?? ''} />,
    ),
  },
  {
    path: '/groups/$groupId/search',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params)],
    view: page(
      () => import('../features/notes/SearchPage.tsx'),
      ({ params }, { SearchPage }) => <SearchPage groupId={params.groupId ?? ''} />,
    ),
  },
  // Anyone, signed in or not: what the group has released, and nothing else.
  {
    path: '/public/groups/$groupId',
    access: 'anyone',
    load: (params) => [`/api/v1/public/groups/${segment(params.groupId ?? '')}`],
    view: page(
      () =>
        together(
          import('../features/public/PublicGroupPage.tsx'),
          import('../features/home/NotFoundPage.tsx'),
          markdownRenderer(),
        ),
      ({ params }, { PublicGroupPage, NotFoundPage, markdown }) => (
        <PublicGroupPage
          groupId={params.groupId ?? ''}
          markdown={markdown}
          notFound={<NotFoundPage />}
        />
      ),
    ),
  },
  // The invitation token is the whole fragment: /join#TOKEN.
  {
    path: '/join',
    access: 'anyone',
    view: page(
      () => import('../features/join/JoinPage.tsx'),
      ({ me, place }, { JoinPage }) => <JoinPage token={place.hash} signedIn={me !== null} />,
    ),
  },
  {
    path: '/account',
    access: 'signedIn',
    view: page(
      () =>
        together(
          import('../features/accounts/AccountPage.tsx'),
          import('../features/meetings/CalendarFeeds.tsx'),
          import('../features/meetings/MeetingEmails.tsx'),
        ),
      ({ me, signedOut, signedIn }, { AccountPage, CalendarFeeds, MeetingEmails }) =>
        me ? (
          <AccountPage me={me} onSignedOut={signedOut} onChanged={signedIn}>
            <CalendarFeeds />
            <MeetingEmails />
          </AccountPage>
        ) : null,
    ),
  },
  {
    path: '/account/email',
    access: 'anyone',
    view: page(
      () => import('../features/accounts/EmailChangePage.tsx'),
      ({ me, place, signedIn }, { EmailChangePage }) => (
        <EmailChangePage token={tokenFrom(place.hash)} me={me} onChanged={signedIn} />
      ),
    ),
  },
  {
    path: '/admin/outbox',
    access: 'admin',
    load: () => ['/api/v1/admin/outbox'],
    view: page(
      () => import('../features/admin/OutboxPage.tsx'),
      (_, { OutboxPage }) => <OutboxPage />,
    ),
  },
];
