import type { ReactNode } from 'react';
import type { Me } from '../../contracts/accounts.ts';
import { AccountPage } from '../features/accounts/AccountPage.tsx';
import { EmailChangePage } from '../features/accounts/EmailChangePage.tsx';
import { ForgotPasswordPage } from '../features/accounts/ForgotPasswordPage.tsx';
import { RegisterConfirmPage } from '../features/accounts/RegisterConfirmPage.tsx';
import { RegisterPage } from '../features/accounts/RegisterPage.tsx';
import { ResetPasswordPage } from '../features/accounts/ResetPasswordPage.tsx';
import { SignInLinkPage } from '../features/accounts/SignInLinkPage.tsx';
import { SignInPage } from '../features/accounts/SignInPage.tsx';
import { OutboxPage } from '../features/admin/OutboxPage.tsx';
import { DecisionPage } from '../features/decisions/DecisionPage.tsx';
import { DecisionsPage } from '../features/decisions/DecisionsPage.tsx';
import { ProposalsPage } from '../features/decisions/ProposalsPage.tsx';
import { ProposalsSection } from '../features/decisions/ProposalsSection.tsx';
import { AccessibilityPage } from '../features/about/AccessibilityPage.tsx';
import { EasyReadPage } from '../features/easyread/EasyReadPage.tsx';
import { MyGroupsPage } from '../features/groups/MyGroupsPage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { WelcomePage } from '../features/home/WelcomePage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { LearningPage } from '../features/learning/LearningPage.tsx';
import { SuggestionsPage } from '../features/learning/SuggestionsPage.tsx';
import { CalendarFeeds } from '../features/meetings/CalendarFeeds.tsx';
import { CheckInPage } from '../features/meetings/CheckInPage.tsx';
import { MeetingEmails } from '../features/meetings/MeetingEmails.tsx';
import { MeetingPage } from '../features/meetings/MeetingPage.tsx';
import { MeetingsPage } from '../features/meetings/MeetingsPage.tsx';
import { PersonPage } from '../features/membership/PersonPage.tsx';
import { ActionsPage } from '../features/notes/ActionsPage.tsx';
import { NotesPage } from '../features/notes/NotesPage.tsx';
import { SearchPage } from '../features/notes/SearchPage.tsx';
import { PublicGroupPage } from '../features/public/PublicGroupPage.tsx';
import { ReleaseDialog } from '../features/public/ReleaseDialog.tsx';
import { DraftPage } from '../features/terms/DraftPage.tsx';
import { HistoryPage } from '../features/terms/HistoryPage.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { TermsPage } from '../features/terms/TermsPage.tsx';
import { GroupHome } from './GroupHome.tsx';
import { ForContributors } from './GroupRole.tsx';
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

/**
 * One page of the app. `path` is in TanStack Router's form (`$groupId` for a
 * part of the address); `load` names the API paths whose answers the page
 * shows first, fetched while the page is on its way; `signedInGoesTo` sends
 * a signed-in person elsewhere.
 */
export type PageRoute = {
  path: string;
  access: Access;
  load?: (params: Record<string, string>, search: URLSearchParams) => string[];
  signedInGoesTo?: string;
  /** A part of a group for the people who take part: observers are told so, and nothing is fetched. */
  forContributors?: boolean;
  render: (context: PageContext) => ReactNode;
};

/** A token carried as `#token=…` in an emailed link. */
function tokenFrom(hash: string): string {
  return new URLSearchParams(hash).get('token') ?? '';
}

/** Notes and released items are Markdown, stored as written and rendered by the shared safe renderer. */
function markdown(source: string): ReactNode {
  return <Markdown source={source} />;
}

/** The API path of a group, or of something under it. */
function group(params: Record<string, string>, rest = ''): string {
  return `/api/v1/groups/${segment(params.groupId ?? '')}${rest}`;
}

export const pages: PageRoute[] = [
  {
    path: '/',
    access: 'anyone',
    signedInGoesTo: '/groups',
    render: () => <WelcomePage />,
  },
  {
    path: '/register',
    access: 'signedOut',
    render: ({ place, signedIn }) => (
      <RegisterPage next={nextFrom(place.hash)} onSignedIn={signedIn} />
    ),
  },
  {
    path: '/register/confirm',
    access: 'anyone',
    render: ({ place, signedIn }) => (
      <RegisterConfirmPage
        token={tokenFrom(place.hash)}
        next={nextFrom(place.hash)}
        onSignedIn={signedIn}
      />
    ),
  },
  {
    path: '/sign-in',
    access: 'signedOut',
    render: ({ place, signedIn }) => (
      <SignInPage next={nextFrom(place.hash)} onSignedIn={signedIn} />
    ),
  },
  {
    path: '/sign-in/link',
    access: 'anyone',
    render: ({ place, signedIn }) => (
      <SignInLinkPage
        token={tokenFrom(place.hash)}
        next={nextFrom(place.hash)}
        onSignedIn={signedIn}
      />
    ),
  },
  { path: '/accessibility', access: 'anyone', render: () => <AccessibilityPage /> },
  { path: '/forgot-password', access: 'anyone', render: () => <ForgotPasswordPage /> },
  {
    path: '/reset-password',
    access: 'anyone',
    render: ({ place, signedIn }) => (
      <ResetPasswordPage token={tokenFrom(place.hash)} onSignedIn={signedIn} />
    ),
  },
  {
    path: '/groups',
    access: 'signedIn',
    load: () => ['/api/v1/groups'],
    render: () => <MyGroupsPage />,
  },
  {
    path: '/groups/$groupId',
    access: 'signedIn',
    load: (params) => [group(params)],
    render: ({ me, params }) => (me ? <GroupHome groupId={params.groupId ?? ''} me={me} /> : null),
  },
  {
    path: '/groups/$groupId/meetings',
    access: 'signedIn',
    load: (params, search) => [
      group(params),
      group(params, `/meetings?when=${search.get('when') === 'past' ? 'past' : 'upcoming'}`),
    ],
    render: ({ params }) => <MeetingsPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/meetings/$meetingId',
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/meetings/${segment(params.meetingId ?? '')}`),
    ],
    render: ({ me, params }) =>
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
  },
  {
    path: '/groups/$groupId/meetings/$meetingId/check-in',
    access: 'signedIn',
    load: (params) => [group(params, `/meetings/${segment(params.meetingId ?? '')}`)],
    render: ({ me, params, place }) =>
      me ? (
        <CheckInPage
          groupId={params.groupId ?? ''}
          meetingId={params.meetingId ?? ''}
          me={me}
          search={place.search}
        />
      ) : null,
  },
  {
    path: '/groups/$groupId/proposals',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/proposals')],
    render: ({ params }) => <ProposalsPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/decisions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/decisions')],
    render: ({ params }) => <DecisionsPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/decisions/$decisionId',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/decisions/${segment(params.decisionId ?? '')}`),
    ],
    render: ({ params }) => (
      <DecisionPage groupId={params.groupId ?? ''} decisionId={params.decisionId ?? ''} />
    ),
  },
  {
    path: '/groups/$groupId/people/$userId',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, `/membership/${segment(params.userId ?? '')}`)],
    render: ({ params }) => (
      <PersonPage groupId={params.groupId ?? ''} userId={params.userId ?? ''} />
    ),
  },
  {
    path: '/groups/$groupId/terms',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms')],
    render: ({ params }) => (
      <TermsPage
        groupId={params.groupId ?? ''}
        release={({ groupId, versionId, what }) => (
          <ReleaseDialog groupId={groupId} itemType="terms" itemId={versionId} what={what} />
        )}
      />
    ),
  },
  {
    path: '/groups/$groupId/terms/draft',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms/draft')],
    render: ({ params }) => <DraftPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/terms/history',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params, '/terms/versions')],
    render: ({ params }) => <HistoryPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/terms/easy-read',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/terms')],
    render: ({ params }) => <EasyReadPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/meetings/$meetingId/notes',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [
      group(params),
      group(params, `/meetings/${segment(params.meetingId ?? '')}/notes`),
    ],
    render: ({ me, params }) =>
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
  },
  {
    path: '/groups/$groupId/actions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params)],
    render: ({ me, params }) =>
      me ? <ActionsPage groupId={params.groupId ?? ''} me={me} /> : null,
  },
  {
    path: '/groups/$groupId/learning',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/learning')],
    render: ({ params }) => (
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
  },
  {
    path: '/groups/$groupId/suggestions',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params), group(params, '/suggestions')],
    render: ({ params }) => <SuggestionsPage groupId={params.groupId ?? ''} />,
  },
  {
    path: '/groups/$groupId/search',
    forContributors: true,
    access: 'signedIn',
    load: (params) => [group(params)],
    render: ({ params }) => <SearchPage groupId={params.groupId ?? ''} />,
  },
  // Anyone, signed in or not: what the group has released, and nothing else.
  {
    path: '/public/groups/$groupId',
    access: 'anyone',
    load: (params) => [`/api/v1/public/groups/${segment(params.groupId ?? '')}`],
    render: ({ params }) => (
      <PublicGroupPage
        groupId={params.groupId ?? ''}
        markdown={markdown}
        notFound={<NotFoundPage />}
      />
    ),
  },
  // The invitation token is the whole fragment: /join#TOKEN.
  {
    path: '/join',
    access: 'anyone',
    render: ({ me, place }) => <JoinPage token={place.hash} signedIn={me !== null} />,
  },
  {
    path: '/account',
    access: 'signedIn',
    render: ({ me, signedOut, signedIn }) =>
      me ? (
        <AccountPage me={me} onSignedOut={signedOut} onChanged={signedIn}>
          <CalendarFeeds />
          <MeetingEmails />
        </AccountPage>
      ) : null,
  },
  {
    path: '/account/email',
    access: 'anyone',
    render: ({ me, place, signedIn }) => (
      <EmailChangePage token={tokenFrom(place.hash)} me={me} onChanged={signedIn} />
    ),
  },
  {
    path: '/admin/outbox',
    access: 'admin',
    load: () => ['/api/v1/admin/outbox'],
    render: () => <OutboxPage />,
  },
];
