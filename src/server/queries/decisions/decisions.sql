-- The SQL of src/server/modules/decisions/decisions.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- answeredCounts
select "proposal_id", count(*), bool_or("user_id" = $1) from "consensus_participation" where "consensus_participation"."proposal_id" in ($2) group by "consensus_participation"."proposal_id";

-- answersOf
select "proposal_id", "answer", "reason" from "consensus_answers" where "consensus_answers"."proposal_id" in ($1) order by "consensus_answers"."id" asc;

-- castBallot
with proposal as (
          select p.id, p.meeting_id from proposals p
          where p.id = $1::uuid and p.group_id = $2::uuid
        ), vote as (
          select v.proposal_id, v.opened_at, v.secret, v.may_change,
            v.closed_at is null
              and (v.closes_at is null or v.closes_at > $3::timestamptz) as open
          from votes v
          where v.proposal_id in (select proposal.id from proposal)
          for share
        ), voter as (
          select exists (
            select 1 from vote_eligible e
            where e.proposal_id = $4::uuid and e.user_id = $5::uuid
          ) as eligible
        ), marked as (
          insert into vote_participation (proposal_id, user_id, named_choice)
          select vote.proposal_id, $6::uuid,
            case when vote.secret then null else $7::text end
          from vote, voter
          where vote.open and voter.eligible
          on conflict do nothing
          returning proposal_id
        ), ballot as (
          insert into ballots (proposal_id, choice, receipt_hash)
          select marked.proposal_id, $8::text,
            case when vote.may_change then $9::text end
          from marked, vote
          returning id
        )
        select proposal.meeting_id, vote.proposal_id is not null as has_vote, vote.open,
          vote.secret, vote.may_change, vote.opened_at, voter.eligible,
          exists (select 1 from ballot) as done
        from proposal
        left join vote on true
        cross join voter;

-- changeBallot
with proposal as (
          select p.id, p.meeting_id from proposals p
          where p.id = $1::uuid and p.group_id = $2::uuid
        ), vote as (
          select v.proposal_id, v.opened_at, v.secret, v.may_change,
            v.closed_at is null
              and (v.closes_at is null or v.closes_at > $3::timestamptz) as open
          from votes v
          where v.proposal_id in (select proposal.id from proposal)
          for share
        ), changed as (
          update ballots b set choice = $4::text
          from vote
          where b.proposal_id = vote.proposal_id and b.receipt_hash = $5::text
            and vote.open and vote.may_change
          returning b.id
        ), named as (
          update vote_participation vp set named_choice = $6::text
          from vote
          where vp.proposal_id = vote.proposal_id and vp.user_id = $7::uuid
            and not vote.secret and exists (select 1 from changed)
          returning vp.user_id
        )
        select proposal.meeting_id, vote.proposal_id is not null as has_vote, vote.open,
          vote.secret, vote.may_change, vote.opened_at, true as eligible,
          exists (select 1 from changed) as done
        from proposal
        left join vote on true;

-- closeCheck
update "consensus_checks" set "closed_at" = $1, "outcome" = $2 where "consensus_checks"."proposal_id" = $3;

-- closeVote
update "votes" set "closed_at" = $1, "quorum_at_closing" = $2, "outcome" = $3, "casting_vote" = $4 where "votes"."proposal_id" = $5;

-- countBallots
select "choice", count(*) from "ballots" where "ballots"."proposal_id" = $1 group by "ballots"."choice";

-- decisionForProposal
select "id", "proposal_id" from "decisions" where ("decisions"."proposal_id" in ($1) and "decisions"."corrects" is null);

-- decisionsAtMeeting
select "id", "number", "title", "outcome" from "decisions" where ("decisions"."group_id" = $1 and "decisions"."meeting_id" = $2) order by "decisions"."number" asc;

-- eligibleFor
select "proposal_id" from "vote_eligible" where ("vote_eligible"."proposal_id" in ($1) and "vote_eligible"."user_id" = $2);

-- findCheck
select "proposal_id", "scope", "opened_by", "opened_at", "closed_at", "outcome" from "consensus_checks" where "consensus_checks"."proposal_id" = $1;

-- findDecision
select "id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason", "search_vector" from "decisions" where ("decisions"."id" = $1 and "decisions"."group_id" = $2);

-- findProposal
select "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at" from "proposals" where ("proposals"."id" = $1 and "proposals"."group_id" = $2) for update;

-- findVote
select "proposal_id", "meeting_id", "called_by", "opened_at", "closes_at", "closed_at", "secret", "may_change", "eligible_count", "quorum_at_opening", "quorum_at_closing", "outcome", "casting_vote" from "votes" where "votes"."proposal_id" = $1 for share;

-- hasVoted
select "user_id" from "vote_participation" where ("vote_participation"."proposal_id" = $1 and "vote_participation"."user_id" = $2);

-- insertAnswer
insert into "consensus_answers" ("id", "proposal_id", "answer", "reason") values (default, $1, $2, $3);

-- insertCheck
insert into "consensus_checks" ("proposal_id", "scope", "opened_by", "opened_at", "closed_at", "outcome") values ($1, default, default, default, default, default);

-- insertDecision
insert into "decisions" ("id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason") values (default, $1, $2, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default) returning "id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason", "search_vector";

-- insertProposal
insert into "proposals" ("id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at") values (default, $1, default, default, $2, default, default, default, default, default, default, default) returning "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at";

-- insertVote
insert into "votes" ("proposal_id", "meeting_id", "called_by", "opened_at", "closes_at", "closed_at", "secret", "may_change", "eligible_count", "quorum_at_opening", "quorum_at_closing", "outcome", "casting_vote") values ($1, default, default, default, default, default, default, default, default, default, default, default, default);

-- listDecisions
select "id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason", "search_vector" from "decisions" where "decisions"."group_id" = $1 order by "decisions"."number" desc;

-- listProposals
select "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at" from "proposals" where ("proposals"."group_id" = $1 and "proposals"."meeting_id" = $2) order by "proposals"."created_at" desc, "proposals"."id" asc limit $3;

-- markAnswered
insert into "consensus_participation" ("proposal_id", "user_id") values ($1, $2) on conflict do nothing returning "user_id";

-- namedBallots
select "users"."name", "vote_participation"."named_choice" from "vote_participation" inner join "users" on "users"."id" = "vote_participation"."user_id" where ("vote_participation"."proposal_id" = $1 and "vote_participation"."named_choice" is not null) order by "users"."name" asc;

-- nextDecisionNumber
select pg_advisory_xact_lock(7216005, hashtext($1));
select max("number") from "decisions" where "decisions"."group_id" = $1;

-- participantIds
select "user_id" from "vote_participation" where "vote_participation"."proposal_id" = $1;

-- setVoteOutcome
update "votes" set "outcome" = $1, "casting_vote" = $2 where "votes"."proposal_id" = $3;

-- snapshotVoters
insert into vote_eligible (proposal_id, user_id)
        select $1::uuid, voter
        from unnest(string_to_array($2, ',')::uuid[]) as voter;

-- updateProposal
update "proposals" set "stage" = $1, "updated_at" = $2 where "proposals"."id" = $3 returning "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at";

-- votedCounts
select "proposal_id", count(*), bool_or("user_id" = $1) from "vote_participation" where "vote_participation"."proposal_id" in ($2) group by "vote_participation"."proposal_id";

-- votesPastClosing
select "votes"."proposal_id", "proposals"."group_id" from "votes" inner join "proposals" on "proposals"."id" = "votes"."proposal_id" where ("votes"."closed_at" is null and "votes"."closes_at" <= $1) limit $2;
