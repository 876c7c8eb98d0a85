-- The SQL of src/server/modules/decisions/decisions.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- answeredCounts
select "proposal_id", count(*), bool_or("user_id" = $1) from "consensus_participation" where "consensus_participation"."proposal_id" in ($2) group by "consensus_participation"."proposal_id";

-- answersOf
select "proposal_id", "answer", "reason" from "consensus_answers" where "consensus_answers"."proposal_id" in ($1) order by "consensus_answers"."id" asc;

-- changeBallot
update "ballots" set "choice" = $1 where ("ballots"."proposal_id" = $2 and "ballots"."receipt_hash" = $3) returning "id";

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

-- insertBallot
insert into "ballots" ("id", "proposal_id", "choice", "receipt_hash") values (default, $1, $2, $3);

-- insertCheck
insert into "consensus_checks" ("proposal_id", "scope", "opened_by", "opened_at", "closed_at", "outcome") values ($1, default, default, default, default, default);

-- insertDecision
insert into "decisions" ("id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason") values (default, $1, $2, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default) returning "id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason", "search_vector";

-- insertProposal
insert into "proposals" ("id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at") values (default, $1, default, default, $2, default, default, default, default, default, default, default) returning "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at";

-- insertVote
insert into "votes" ("proposal_id", "meeting_id", "called_by", "opened_at", "closes_at", "closed_at", "secret", "may_change", "eligible_count", "quorum_at_opening", "quorum_at_closing", "outcome", "casting_vote") values ($1, default, default, default, default, default, default, default, default, default, default, default, default);

-- isEligible
select "user_id" from "vote_eligible" where ("vote_eligible"."proposal_id" = $1 and "vote_eligible"."user_id" = $2);

-- listDecisions
select "id", "group_id", "number", "proposal_id", "meeting_id", "title", "final_text", "outcome", "casting_vote", "method", "summary", "consensus", "tally", "opinions", "decided_on", "recorded_at", "recorded_by", "corrects", "correction_reason", "search_vector" from "decisions" where "decisions"."group_id" = $1 order by "decisions"."number" desc;

-- listProposals
select "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at" from "proposals" where ("proposals"."group_id" = $1 and "proposals"."meeting_id" = $2) order by "proposals"."created_at" desc, "proposals"."id" asc limit $3;

-- markAnswered
insert into "consensus_participation" ("proposal_id", "user_id") values ($1, $2) on conflict do nothing returning "user_id";

-- markVoted
insert into "vote_participation" ("proposal_id", "user_id", "named_choice") values ($1, $2, $3) on conflict do nothing returning "user_id";

-- namedBallots
select "users"."name", "vote_participation"."named_choice" from "vote_participation" inner join "users" on "users"."id" = "vote_participation"."user_id" where ("vote_participation"."proposal_id" = $1 and "vote_participation"."named_choice" is not null) order by "users"."name" asc;

-- nextDecisionNumber
select pg_advisory_xact_lock(7216005, hashtext($1));
select max("number") from "decisions" where "decisions"."group_id" = $1;

-- participantIds
select "user_id" from "vote_participation" where "vote_participation"."proposal_id" = $1;

-- setNamedChoice
update "vote_participation" set "named_choice" = $1 where ("vote_participation"."proposal_id" = $2 and "vote_participation"."user_id" = $3);

-- setVoteOutcome
update "votes" set "outcome" = $1, "casting_vote" = $2 where "votes"."proposal_id" = $3;

-- updateProposal
update "proposals" set "stage" = $1, "updated_at" = $2 where "proposals"."id" = $3 returning "id", "group_id", "meeting_id", "item_id", "title", "text", "remit_key", "stage", "closes_at", "created_by", "created_at", "updated_at";

-- votedCounts
select "proposal_id", count(*), bool_or("user_id" = $1) from "vote_participation" where "vote_participation"."proposal_id" in ($2) group by "vote_participation"."proposal_id";

-- votesPastClosing
select "votes"."proposal_id", "proposals"."group_id" from "votes" inner join "proposals" on "proposals"."id" = "votes"."proposal_id" where ("votes"."closed_at" is null and "votes"."closes_at" <= $1) limit $2;
