import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import type { z } from 'zod';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { segment } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { useProposals } from './actions.ts';
import { ProposalCards } from './ProposalCards.tsx';
import { RaiseProposal } from './RaiseProposal.tsx';
import { type RemitArea } from './types.ts';
import { RegisterLead } from './RegisterLead.tsx';
import { GROUP_MISSING, TO_MY_GROUPS } from './unavailable.ts';
import './decisions.css';

type TermsInForce = z.infer<typeof termsInForce>;

/** What the page says before it can be shown. */
const FRAME = {
  ...defineMessages({
    pageTitle: { id: 'decisions.proposals.title', defaultMessage: 'Proposals' },
    title: {
      id: 'decisions.proposals.notFoundTitle',
      defaultMessage: 'We could not show these proposals',
    },
    forbidden: {
      id: 'decisions.proposals.forbidden',
      defaultMessage: 'Only people who take part in the group see its proposals.',
    },
  }),
  missing: GROUP_MISSING,
  back: TO_MY_GROUPS,
};

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  between: { id: 'decisions.register.proposals', defaultMessage: 'Proposals between meetings' },
});

/** Proposals between meetings: raised, tested and voted on by the whole group, with a closing time. */
export function ProposalsPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const terms = useResource<TermsInForce>(`/api/v1/groups/${segment(groupId)}/terms`);
  const list = useProposals(groupId, null);
  const frame = pageFrame([group, list], FRAME, '/groups');
  if (frame || !group.data || !list.data) return frame;

  const written = terms.data?.version?.document;
  const remitAreas: RemitArea[] = written
    ? [
        ...written.remit.inScope.map((a) => ({ key: a.key, title: a.title, inScope: true })),
        ...written.remit.outOfScope.map((a) => ({ key: a.key, title: a.title, inScope: false })),
      ]
    : [];
  const timeZone = written?.cadence.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const between = list.data.proposals.filter((p) => p.meetingId === null);
  const takesPart = group.data.myRole !== null && group.data.myRole !== 'observer';

  return (
    <Page
      title={intl.formatMessage({ id: 'decisions.proposals.title', defaultMessage: 'Proposals' })}
      lead={<RegisterLead groupId={groupId} groupName={group.data.name} next="register" />}
    >
      <p>
        <FormattedMessage
          id="decisions.proposals.lead"
          defaultMessage="Between meetings, the whole group answers a proposal by its closing time. Proposals raised at a meeting are on that meeting’s page. This page updates by itself."
        />
      </p>

      <Section id="between-title" heading={SECTIONS.between}>
        <ProposalCards
          proposals={between}
          label={intl.formatMessage({
            id: 'decisions.register.proposals',
            defaultMessage: 'Proposals between meetings',
          })}
          empty={
            <FormattedMessage
              id="decisions.proposals.none"
              defaultMessage="No proposals have been raised between meetings yet."
            />
          }
          remitAreas={remitAreas}
          timeZone={timeZone}
          onChanged={list.reload}
        />
        {takesPart ? (
          <RaiseProposal
            groupId={groupId}
            meetingId={null}
            remitAreas={remitAreas}
            timeZone={timeZone}
            onRaised={list.reload}
          />
        ) : null}
      </Section>
    </Page>
  );
}
