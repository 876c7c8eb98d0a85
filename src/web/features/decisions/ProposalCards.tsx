import type { ReactNode } from 'react';
import { ProposalCard } from './ProposalCard.tsx';
import type { Proposal, RemitArea } from './types.ts';

type Props = {
  proposals: Proposal[];
  /** The list's name for screen readers, such as "Proposals at this meeting". */
  label: string;
  /** What to say when there are none; nothing is said while null (the list is still loading). */
  empty: ReactNode;
  remitAreas: RemitArea[];
  timeZone: string;
  onChanged: () => void;
};

/** Proposals as cards, each with its consensus test and any vote, or a sentence when there are none. */
export function ProposalCards({ proposals, label, empty, remitAreas, timeZone, onChanged }: Props) {
  if (proposals.length === 0) return empty === null ? null : <p>{empty}</p>;
  return (
    <ul className="card-list" aria-label={label}>
      {proposals.map((proposal) => (
        <ProposalCard
          key={proposal.id}
          proposal={proposal}
          remitAreas={remitAreas}
          timeZone={timeZone}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}
