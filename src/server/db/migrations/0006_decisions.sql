CREATE TABLE "ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"receipt_hash" text,
	CONSTRAINT "ballots_choice" CHECK ("ballots"."choice" in ('yes', 'no', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "consensus_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"reason" text,
	CONSTRAINT "consensus_answers_answer" CHECK ("consensus_answers"."answer" in ('agree', 'concerns', 'stand_aside', 'block'))
);
--> statement-breakpoint
CREATE TABLE "consensus_checks" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "consensus_checks_scope" CHECK ("consensus_checks"."scope" in ('meeting', 'group')),
	CONSTRAINT "consensus_checks_outcome" CHECK ("consensus_checks"."outcome" is null or "consensus_checks"."outcome" in ('consensus', 'consensus_with_concerns', 'no_consensus'))
);
--> statement-breakpoint
CREATE TABLE "consensus_participation" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "consensus_participation_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"proposal_id" uuid,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"final_text" text NOT NULL,
	"outcome" text NOT NULL,
	"method" text NOT NULL,
	"summary" text NOT NULL,
	"consensus" jsonb,
	"tally" jsonb,
	"opinions" jsonb NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"corrects" uuid,
	"correction_reason" text,
	CONSTRAINT "decisions_outcome" CHECK ("decisions"."outcome" in ('agreed', 'not_agreed')),
	CONSTRAINT "decisions_method" CHECK ("decisions"."method" in ('consensus', 'vote', 'correction')),
	CONSTRAINT "decisions_correction_reason" CHECK (("decisions"."corrects" is null) = ("decisions"."correction_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid,
	"item_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"remit_key" text,
	"stage" text DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_stage" CHECK ("proposals"."stage" in ('draft', 'consensus', 'no_consensus', 'voting', 'decided', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "vote_eligible" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "vote_eligible_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "vote_participation" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"named_choice" text,
	CONSTRAINT "vote_participation_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id"),
	CONSTRAINT "vote_participation_choice" CHECK ("vote_participation"."named_choice" is null or "vote_participation"."named_choice" in ('yes', 'no', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid,
	"called_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"secret" boolean NOT NULL,
	"may_change" boolean NOT NULL,
	"eligible_count" integer NOT NULL,
	"quorum_at_opening" jsonb NOT NULL,
	"quorum_at_closing" jsonb,
	"outcome" text,
	CONSTRAINT "votes_eligible_count" CHECK ("votes"."eligible_count" >= 0),
	CONSTRAINT "votes_outcome" CHECK ("votes"."outcome" is null or "votes"."outcome" in ('carried', 'not_carried', 'tied', 'no_quorum'))
);
--> statement-breakpoint
ALTER TABLE "terms_versions" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_proposal_id_votes_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."votes"("proposal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_answers" ADD CONSTRAINT "consensus_answers_proposal_id_consensus_checks_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."consensus_checks"("proposal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_checks" ADD CONSTRAINT "consensus_checks_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_checks" ADD CONSTRAINT "consensus_checks_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_participation" ADD CONSTRAINT "consensus_participation_proposal_id_consensus_checks_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."consensus_checks"("proposal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_participation" ADD CONSTRAINT "consensus_participation_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_corrects_decisions_id_fk" FOREIGN KEY ("corrects") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_eligible" ADD CONSTRAINT "vote_eligible_proposal_id_votes_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."votes"("proposal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_eligible" ADD CONSTRAINT "vote_eligible_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_participation" ADD CONSTRAINT "vote_participation_eligible_fk" FOREIGN KEY ("proposal_id","user_id") REFERENCES "public"."vote_eligible"("proposal_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballots_proposal_idx" ON "ballots" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_receipt_key" ON "ballots" USING btree ("receipt_hash") WHERE "ballots"."receipt_hash" is not null;--> statement-breakpoint
CREATE INDEX "consensus_answers_proposal_idx" ON "consensus_answers" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_group_number_key" ON "decisions" USING btree ("group_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_one_per_proposal" ON "decisions" USING btree ("proposal_id") WHERE "decisions"."proposal_id" is not null and "decisions"."corrects" is null;--> statement-breakpoint
CREATE INDEX "proposals_group_idx" ON "proposals" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "votes_open_idx" ON "votes" USING btree ("closes_at") WHERE "votes"."closed_at" is null;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- A decision record never changes: a correction is a new record naming it.
CREATE FUNCTION accord_decisions_immutable() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'decision records cannot be changed or deleted; record a correction instead'
    USING ERRCODE = 'restrict_violation';
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER decisions_immutable BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION accord_decisions_immutable();
