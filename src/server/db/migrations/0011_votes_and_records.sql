CREATE TABLE "attendance_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"changes" integer NOT NULL,
	"made_by" uuid,
	"made_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_corrections_kind" CHECK ("attendance_corrections"."kind" in ('register', 'import')),
	CONSTRAINT "attendance_corrections_reason" CHECK (length("attendance_corrections"."reason") > 0),
	CONSTRAINT "attendance_corrections_changes" CHECK ("attendance_corrections"."changes" >= 1)
);
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_outcome";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "casting_vote" text;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "casting_vote" text;--> statement-breakpoint
ALTER TABLE "attendance_corrections" ADD CONSTRAINT "attendance_corrections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_corrections" ADD CONSTRAINT "attendance_corrections_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_corrections_meeting_idx" ON "attendance_corrections" USING btree ("meeting_id","made_at");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_casting_vote" CHECK ("decisions"."casting_vote" is null or ("decisions"."casting_vote" = 'for' and "decisions"."outcome" = 'agreed') or ("decisions"."casting_vote" = 'against' and "decisions"."outcome" = 'not_agreed'));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_outcome" CHECK ("decisions"."outcome" in ('agreed', 'not_agreed', 'tied'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_casting_vote" CHECK ("votes"."casting_vote" is null or "votes"."casting_vote" in ('yes', 'no'));--> statement-breakpoint
-- A mark of attendance corrected after a meeting stays on the meeting: it is never changed or removed.
CREATE FUNCTION accord_attendance_corrections_kept() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'attendance corrections are kept as they were recorded'
    USING ERRCODE = 'restrict_violation';
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER attendance_corrections_kept BEFORE UPDATE OR DELETE ON attendance_corrections
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION accord_attendance_corrections_kept();
