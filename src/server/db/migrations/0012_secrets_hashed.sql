CREATE TABLE "registrations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "meetings_check_in_code_key";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "deliverable_text" text;--> statement-breakpoint
CREATE INDEX "registrations_email_idx" ON "registrations" USING btree ("email");--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "check_in_code";--> statement-breakpoint
-- Mail already queued keeps its links for delivery; every stored copy loses them.
UPDATE "outbox" SET "deliverable_text" = "body_text" WHERE "status" = 'pending';--> statement-breakpoint
UPDATE "outbox" SET "body_text" = regexp_replace("body_text", '(https?://[^\s#?]*)[#?]\S*', '\1#[removed]', 'g');
