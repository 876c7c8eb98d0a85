CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"remit_key" text,
	"placement" text DEFAULT 'agenda' NOT NULL,
	"take_instead" text,
	"placement_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_placement" CHECK ("agenda_items"."placement" in ('agenda', 'outside'))
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"intent" text,
	"apology_reason" text,
	"mark" text,
	"checked_in_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id"),
	CONSTRAINT "attendance_intent" CHECK ("attendance"."intent" is null or "attendance"."intent" in ('attending', 'apologies')),
	CONSTRAINT "attendance_mark" CHECK ("attendance"."mark" is null or "attendance"."mark" in ('present_in_person', 'present_online', 'apologies', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "interest_declarations" (
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"interest" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interest_declarations_item_id_user_id_pk" PRIMARY KEY("item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"occurrence_date" date,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"moved_reason" text,
	"cancelled_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"agenda_published_at" timestamp with time zone,
	"check_in_margin_minutes" integer DEFAULT 30 NOT NULL,
	"check_in_code" text NOT NULL,
	"week_reminder_sent_at" timestamp with time zone,
	"day_reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status" CHECK ("meetings"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "meetings_source" CHECK ("meetings"."source" in ('cadence', 'extra')),
	CONSTRAINT "meetings_ends_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_occurrence_when_generated" CHECK (("meetings"."source" = 'cadence') = ("meetings"."occurrence_date" is not null)),
	CONSTRAINT "meetings_margin" CHECK ("meetings"."check_in_margin_minutes" between 0 and 720),
	CONSTRAINT "meetings_cancel_reason" CHECK (("meetings"."status" = 'cancelled') = ("meetings"."cancelled_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"week_before" boolean DEFAULT true NOT NULL,
	"day_before" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"late" boolean NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "papers_size" CHECK ("papers"."size_bytes" between 1 and 20971520)
);
--> statement-breakpoint
CREATE TABLE "working_group_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"hours_per_month" integer,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stepped_back_at" timestamp with time zone,
	CONSTRAINT "working_group_commitments_hours" CHECK ("working_group_commitments"."hours_per_month" is null or "working_group_commitments"."hours_per_month" between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "terms_key" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_declarations" ADD CONSTRAINT "interest_declarations_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_declarations" ADD CONSTRAINT "interest_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_commitments" ADD CONSTRAINT "working_group_commitments_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_commitments" ADD CONSTRAINT "working_group_commitments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_group_starts_idx" ON "meetings" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_reminders_idx" ON "meetings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_occurrence_key" ON "meetings" USING btree ("group_id","occurrence_date") WHERE "meetings"."occurrence_date" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_check_in_code_key" ON "meetings" USING btree ("check_in_code");--> statement-breakpoint
CREATE INDEX "papers_meeting_idx" ON "papers" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "working_group_commitments_current" ON "working_group_commitments" USING btree ("group_id","user_id") WHERE "working_group_commitments"."stepped_back_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "groups_parent_terms_key" ON "groups" USING btree ("parent_id","terms_key") WHERE "groups"."terms_key" is not null;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_terms_key_needs_parent" CHECK ("groups"."terms_key" is null or "groups"."parent_id" is not null);