import { FormattedMessage, useIntl } from 'react-intl';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { useProposals } from './actions.ts';
import { ProposalCards } from './ProposalCards.tsx';
import { RaiseProposal } from './RaiseProposal.tsx';
import { decisionsPage, type RemitArea } from './types.ts';
import './decisions.css';

type Props = {
  groupId: string;
  meetingId: string;
  /** The meeting's remit areas, for the proposal's area. */
  remitAreas: RemitArea[];
  timeZone: string;
  /** Whether the reader may raise a proposal here (they take part, and the meeting is on). */
  canRaise: boolean;
};

/** On a meeting's page: its proposals, each tested for consensus and, if need be, a vote. */
export function ProposalsSection({ groupId, meetingId, remitAreas, timeZone, canRaise }: Props) {
  const intl = useIntl();
  const list = useProposals(groupId, meetingId);
  const proposals = list.data?.proposals ?? [];
  return (
    <section aria-labelledby="proposals-title" className="section">
      <h2 id="proposals-title">
        <FormattedMessage id="decisions.proposals.title" defaultMessage="Proposals" />
      </h2>
      <p>
        <FormattedMessage
          id="decisions.meeting.lead"
          defaultMessage="We decide by consensus first. Answers are counted without names; a chair can call a formal vote when there is no consensus. This part updates by itself."
        />
      </p>
      {list.error ? <LoadProblem error={list.error} retry={list.reload} /> : null}
      {list.loading ? <Loading /> : null}
      <ProposalCards
        proposals={proposals}
        label={intl.formatMessage({
          id: 'decisions.meeting.listLabel',
          defaultMessage: 'Proposals at this meeting',
        })}
        empty={
          list.data ? (
            <FormattedMessage
              id="decisions.meeting.none"
              defaultMessage="No proposals have been raised here yet."
            />
          ) : null
        }
        remitAreas={remitAreas}
        timeZone={timeZone}
        onChanged={list.reload}
      />
      <p>
        <Link to={decisionsPage(groupId)}>
          <FormattedMessage id="decisions.register.title" defaultMessage="Decision register" />
        </Link>
      </p>
      {canRaise ? (
        <RaiseProposal
          groupId={groupId}
          meetingId={meetingId}
          remitAreas={remitAreas}
          timeZone={timeZone}
          onRaised={list.reload}
        />
      ) : null}
    </section>
  );
}
