CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid,
	"item_id" uuid,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"overdue_reminded_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_status" CHECK ("actions"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "learning_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"what_happened" text NOT NULL,
	"what_we_learned" text NOT NULL,
	"what_we_will_change" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"not_views" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"correction_reason" text,
	"edited_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"circulated_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_at_meeting" uuid,
	CONSTRAINT "meeting_notes_status" CHECK ("meeting_notes"."status" in ('draft', 'circulated', 'approved')),
	CONSTRAINT "meeting_notes_correction" CHECK (("meeting_notes"."version" = 1) = ("meeting_notes"."correction_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "note_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notes_id" uuid NOT NULL,
	"user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"decision_id" uuid,
	"agreed_at_meeting" uuid,
	"recorded_by" uuid,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_decision_id" uuid,
	"withdraw_agreed_at_meeting" uuid,
	CONSTRAINT "releases_item_type" CHECK ("releases"."item_type" in ('notes', 'decision', 'learning', 'paper', 'terms', 'suggestion')),
	CONSTRAINT "releases_audience" CHECK ("releases"."audience" in ('public', 'groups')),
	CONSTRAINT "releases_authority" CHECK (("releases"."decision_id" is not null) <> ("releases"."agreed_at_meeting" is not null))
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"text" text NOT NULL,
	"made_on" date DEFAULT current_date NOT NULL,
	"considered_at_meeting" uuid,
	"considered_on" date,
	"outcome" text,
	"decision_id" uuid,
	CONSTRAINT "suggestions_considered" CHECK (("suggestions"."outcome" is null) = ("suggestions"."considered_on" is null))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_entries" ADD CONSTRAINT "learning_entries_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_approved_at_meeting_meetings_id_fk" FOREIGN KEY ("approved_at_meeting") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_comments" ADD CONSTRAINT "note_comments_notes_id_meeting_notes_id_fk" FOREIGN KEY ("notes_id") REFERENCES "public"."meeting_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_comments" ADD CONSTRAINT "note_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_agreed_at_meeting_meetings_id_fk" FOREIGN KEY ("agreed_at_meeting") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_withdraw_decision_id_decisions_id_fk" FOREIGN KEY ("withdraw_decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_withdraw_agreed_at_meeting_meetings_id_fk" FOREIGN KEY ("withdraw_agreed_at_meeting") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_considered_at_meeting_meetings_id_fk" FOREIGN KEY ("considered_at_meeting") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_group_idx" ON "actions" USING btree ("group_id","due_on");--> statement-breakpoint
CREATE INDEX "actions_owner_idx" ON "actions" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "learning_entries_group_idx" ON "learning_entries" USING btree ("group_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_notes_version_key" ON "meeting_notes" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_notes_one_open" ON "meeting_notes" USING btree ("meeting_id") WHERE "meeting_notes"."status" <> 'approved';--> statement-breakpoint
CREATE INDEX "note_comments_notes_idx" ON "note_comments" USING btree ("notes_id","created_at");--> statement-breakpoint
CREATE INDEX "releases_group_idx" ON "releases" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_one_current" ON "releases" USING btree ("item_type","item_id","audience") WHERE "releases"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "suggestions_group_idx" ON "suggestions" USING btree ("group_id","made_on");