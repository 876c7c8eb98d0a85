CREATE TABLE "behaviour_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid,
	"clause" integer NOT NULL,
	"raised_on" date DEFAULT current_date NOT NULL,
	CONSTRAINT "behaviour_reminders_clause" CHECK ("behaviour_reminders"."clause" > 0)
);
--> statement-breakpoint
CREATE TABLE "terms_acceptances" (
	"version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terms_acceptances_version_id_user_id_pk" PRIMARY KEY("version_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "terms_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer,
	"status" text NOT NULL,
	"document" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"adopted_on" date,
	"adopted_by" uuid,
	"adoption_note" text,
	"review_notice_sent_at" timestamp with time zone,
	CONSTRAINT "terms_versions_status" CHECK ("terms_versions"."status" in ('draft', 'in_force', 'superseded')),
	CONSTRAINT "terms_versions_number_when_adopted" CHECK (("terms_versions"."status" = 'draft') = ("terms_versions"."number" is null and "terms_versions"."adopted_on" is null)),
	CONSTRAINT "terms_versions_number_positive" CHECK ("terms_versions"."number" is null or "terms_versions"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "behaviour_reminders" ADD CONSTRAINT "behaviour_reminders_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_version_id_terms_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."terms_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "behaviour_reminders_group_idx" ON "behaviour_reminders" USING btree ("group_id","clause");--> statement-breakpoint
CREATE UNIQUE INDEX "terms_versions_group_number_key" ON "terms_versions" USING btree ("group_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "terms_versions_one_draft" ON "terms_versions" USING btree ("group_id") WHERE "terms_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "terms_versions_one_in_force" ON "terms_versions" USING btree ("group_id") WHERE "terms_versions"."status" = 'in_force';