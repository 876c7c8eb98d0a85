/**
 * What every decision use case needs to know about a group at one moment:
 * its rules, each person's membership status and role, and who is present at
 * a meeting; and how a proposal is shown to one person.
 */
import {
  consensusOutcome,
  phaseOf,
  voterEligibility,
  type ConsensusCounts,
  type Person,
  type Presence,
  type Terms,
} from '../../../policy/index.ts';
import { can, canOn, rolesOf, type Actor } from '../../access.ts';
import type { Executor } from '../../deps.ts';
import type { z } from 'zod';
import type { ineligibleReason } from '../../../contracts/decisions.ts';
import { invalid } from '../../errors.ts';
import { m } from './decisions.messages.ts';
import type { GroupAccess } from '../groups/group-access.ts';
import { rulesFor, type GroupRules } from '../meetings/group-terms.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import { listMembershipStatuses } from '../membership/membership.repository.ts';
import { releaseRequestViews } from '../releases/authorisations.ts';
import * as repo from './decisions.repository.ts';

export type DecisionRules = GroupRules & { terms: Terms };

type MyEligibility = {
  eligible: boolean;
  reason: z.infer<typeof ineligibleReason> | null;
  role: string | null;
  meetings: number | null;
};

export async function decisionRules(
  db: Executor,
  group: GroupAccess['group'],
): Promise<DecisionRules> {
  const rules = await rulesFor(db, group);
  if (!rules.terms) throw invalid({ terms: m.adoptTermsFirst }, m.noTerms);
  return rules as DecisionRules;
}

/** Everyone in the group as the decision rules see them, now, and present at `meetingId`. */
export async function peopleNow(
  db: Executor,
  groupId: string,
  rules: DecisionRules,
  meetingId: string | null,
  now = new Date(),
): Promise<(Person & { name: string })[]> {
  const [statuses, register] = await Promise.all([
    listMembershipStatuses(db, groupId, rules.membership, now),
    meetingId
      ? meetingsRepo.register(db, groupId, meetingId)
      : meetingsRepo.listPeople(db, groupId),
  ]);
  const statusOf = new Map(statuses.map((s) => [s.userId, s.status]));
  return register.map((p) => {
    const mark = 'mark' in p ? p.mark : null;
    const presence: Presence | undefined = meetingId
      ? mark === 'present_in_person'
        ? 'in_person'
        : mark === 'present_online'
          ? 'online'
          : 'not_present'
      : undefined;
    return {
      id: p.userId,
      name: p.name,
      status: statusOf.get(p.userId) ?? 'participant',
      roles: [p.role],
      categories: p.categories,
      ...(presence ? { presence } : {}),
    };
  });
}

export function countsOf(answers: readonly { answer: string }[]): ConsensusCounts {
  const counts = { agree: 0, concerns: 0, standAside: 0, block: 0 };
  for (const a of answers) {
    if (a.answer === 'agree') counts.agree++;
    else if (a.answer === 'concerns') counts.concerns++;
    else if (a.answer === 'stand_aside') counts.standAside++;
    else counts.block++;
  }
  return counts;
}

export function reasonsOf(answers: readonly { answer: string; reason: string | null }[]) {
  const reasons = { agree: [], concerns: [], standAside: [], block: [] } as Record<
    keyof ConsensusCounts,
    string[]
  >;
  for (const a of answers) {
    if (!a.reason) continue;
    const key = a.answer === 'stand_aside' ? 'standAside' : (a.answer as keyof ConsensusCounts);
    reasons[key].push(a.reason);
  }
  // Sorted, so the order says nothing about who answered when.
  for (const list of Object.values(reasons)) list.sort((x, y) => x.localeCompare(y));
  return reasons;
}

/** Whether a meeting proposal's check is answered by those present (during the meeting). */
export async function scopeFor(db: Executor, groupId: string, proposal: repo.ProposalRow) {
  if (!proposal.meetingId) return 'group' as const;
  const meeting = await meetingsRepo.findMeeting(db, groupId, proposal.meetingId);
  return meeting && phaseOf(meeting) === 'live' ? ('meeting' as const) : ('group' as const);
}

const CONTRIBUTING = new Set(['participant', 'note_taker', 'chair']);

export type PeopleNow = Awaited<ReturnType<typeof peopleNow>>;

/**
 * The proposals as one person sees them. `known` is the group's people as a
 * use case has just computed them (`peopleNow`), so that one request works
 * out the group's membership once.
 */
export async function presentProposals(
  db: Executor,
  access: GroupAccess,
  rows: readonly repo.ProposalRow[],
  known?: PeopleNow,
) {
  if (rows.length === 0) return [];
  const rules = await rulesFor(db, access.group);
  const actor = access.actor as NonNullable<Actor>;
  const roles = rolesOf(actor, access.role);
  const ids = rows.map((r) => r.id);
  const [answers, answered, voted, eligible, decided] = await Promise.all([
    repo.answersOf(db, ids),
    repo.answeredCounts(db, ids, actor.userId),
    repo.votedCounts(db, ids, actor.userId),
    repo.eligibleFor(db, ids, actor.userId),
    repo.decisionForProposal(db, ids),
  ]);
  const releaseViews = await releaseRequestViews(db, ids);
  const people =
    known ??
    (rules.terms ? await peopleNow(db, access.group.id, rules as DecisionRules, null) : []);
  const contributors = people.filter((p) => CONTRIBUTING.has(p.roles[0] ?? '')).length;
  const me = people.find((p) => p.id === actor.userId);
  const now = new Date();

  const out = [];
  for (const p of rows) {
    const check = await repo.findCheck(db, p.id);
    const vote = await repo.findVote(db, p.id);
    const mine = answers.filter((a) => a.proposalId === p.id);
    const counts = countsOf(mine);
    let mayAnswer = contributors;
    if (check?.scope === 'meeting' && p.meetingId) {
      const register = await meetingsRepo.register(db, access.group.id, p.meetingId);
      mayAnswer = register.filter(
        (r) =>
          CONTRIBUTING.has(r.role) &&
          (r.mark === 'present_in_person' || r.mark === 'present_online'),
      ).length;
    }
    const checkOpen = Boolean(check && !check.closedAt);
    const voteOpen = Boolean(vote && !vote.closedAt && !(vote.closesAt && vote.closesAt <= now));
    const creator = p.createdBy === actor.userId;
    let named = null;
    let tally = null;
    let outcomeReason = null;
    if (vote?.closedAt) {
      const ballots = await repo.countBallots(db, p.id);
      tally = { ...ballots, eligible: vote.eligibleCount, voted: voted.counts.get(p.id) ?? 0 };
      if (!vote.secret) {
        named = (await repo.namedBallots(db, p.id)).map((b) => ({
          name: b.name,
          choice: b.choice as 'yes' | 'no' | 'abstain',
        }));
      }
      outcomeReason =
        vote.outcome === 'tied'
          ? decided.has(p.id)
            ? ('tiedNotAgreed' as const)
            : ('tiedAwaitingCastingVote' as const)
          : vote.castingVote
            ? ('decidedByCastingVote' as const)
            : null;
    }
    let myEligibility: MyEligibility = { eligible: true, reason: null, role: null, meetings: null };
    if (vote && !eligible.has(p.id)) {
      const now = me && rules.terms ? voterEligibility(me, rules.terms) : null;
      const why = now && !now.eligible ? now.why : null;
      myEligibility = {
        eligible: false,
        reason: why ? why.key : now?.eligible ? 'voterListFixed' : 'notOnVoterList',
        role: why?.key === 'nonVotingRole' ? why.role : null,
        meetings: why?.key === 'membersOnly' ? why.meetings : null,
      };
    }
    out.push({
      id: p.id,
      groupId: p.groupId,
      meetingId: p.meetingId,
      title: p.title,
      text: p.text,
      remitKey: p.remitKey,
      stage: p.stage as 'draft' | 'consensus' | 'no_consensus' | 'voting' | 'decided' | 'withdrawn',
      closesAt: p.closesAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      consensus: check
        ? {
            scope: check.scope as 'meeting' | 'group',
            open: checkOpen,
            answered: answered.counts.get(p.id) ?? 0,
            mayAnswer,
            counts,
            reasons: reasonsOf(mine),
            allows: consensusOutcome(counts),
            outcome:
              (check.outcome as 'consensus' | 'consensus_with_concerns' | 'no_consensus' | null) ??
              null,
            iHaveAnswered: answered.mine.has(p.id),
          }
        : null,
      vote: vote
        ? {
            open: voteOpen,
            openedAt: vote.openedAt.toISOString(),
            closesAt: vote.closesAt?.toISOString() ?? null,
            closedAt: vote.closedAt?.toISOString() ?? null,
            secret: vote.secret,
            mayChange: vote.mayChange,
            eligible: vote.eligibleCount,
            voted: voted.counts.get(p.id) ?? 0,
            quorumAtOpening: vote.quorumAtOpening as QuorumView,
            quorumAtClosing: (vote.quorumAtClosing as QuorumView | null) ?? null,
            tally,
            outcome:
              (vote.outcome as 'carried' | 'not_carried' | 'tied' | 'no_quorum' | null) ?? null,
            outcomeReason,
            castingVote: (vote.castingVote as 'yes' | 'no' | null) ?? null,
            myEligibility,
            iHaveVoted: voted.mine.has(p.id),
            named,
          }
        : null,
      decisionId: decided.get(p.id) ?? null,
      release: releaseViews.get(p.id) ?? null,
      can: {
        edit: p.stage === 'draft' && canOn(roles, 'proposal.edit', { own: creator }),
        openConsensus: p.stage === 'draft' && can(roles, 'consensus.run'),
        answer: checkOpen && can(roles, 'consensus.answer') && !answered.mine.has(p.id),
        closeConsensus: checkOpen && can(roles, 'consensus.run'),
        callVote:
          (p.stage === 'consensus' || p.stage === 'no_consensus') &&
          can(roles, 'vote.call') &&
          Boolean(rules.terms?.decisions.formalTestCalledBy.includes(access.role ?? '')),
        vote: voteOpen && eligible.has(p.id) && !voted.mine.has(p.id),
        closeVote:
          Boolean(vote) &&
          (voteOpen || (vote?.outcome === 'tied' && !decided.has(p.id))) &&
          can(roles, 'vote.close'),
      },
    });
  }
  return out;
}

export type QuorumView = { required: number; present: number; met: boolean; explanation: string };
