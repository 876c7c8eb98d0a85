CREATE TABLE "group_public_pages" (
	"group_id" uuid PRIMARY KEY NOT NULL,
	"listed" boolean DEFAULT true NOT NULL,
	"show_meetings" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "join_requests_status" CHECK ("join_requests"."status" in ('open', 'accepted', 'declined')),
	CONSTRAINT "join_requests_message_length" CHECK (char_length("join_requests"."message") <= 1000),
	CONSTRAINT "join_requests_decided" CHECK (("join_requests"."status" = 'open') = ("join_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "group_public_pages" ADD CONSTRAINT "group_public_pages_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_one_open" ON "join_requests" USING btree ("group_id","user_id") WHERE "join_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "join_requests_user_created_idx" ON "join_requests" USING btree ("user_id","created_at");