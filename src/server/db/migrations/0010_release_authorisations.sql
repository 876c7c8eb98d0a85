CREATE TABLE "group_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"other_group_id" uuid NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "group_links_not_self" CHECK ("group_links"."group_id" <> "group_links"."other_group_id"),
	CONSTRAINT "group_links_accepted" CHECK (("group_links"."accepted_at" is null) = ("group_links"."accepted_by" is null))
);
--> statement-breakpoint
CREATE TABLE "release_authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"action" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid,
	"audience" text NOT NULL,
	"group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"used_at" timestamp with time zone,
	"release_id" uuid,
	CONSTRAINT "release_authorisations_action" CHECK ("release_authorisations"."action" in ('release', 'withdraw')),
	CONSTRAINT "release_authorisations_item_type" CHECK ("release_authorisations"."item_type" in ('notes', 'decision', 'learning', 'paper', 'terms', 'suggestion')),
	CONSTRAINT "release_authorisations_audience" CHECK ("release_authorisations"."audience" in ('public', 'groups')),
	CONSTRAINT "release_authorisations_this_decision" CHECK ("release_authorisations"."item_id" is not null or ("release_authorisations"."item_type" = 'decision' and "release_authorisations"."action" = 'release')),
	CONSTRAINT "release_authorisations_used" CHECK (("release_authorisations"."used_at" is null) = ("release_authorisations"."release_id" is null))
);
--> statement-breakpoint
CREATE TABLE "release_offers" (
	"release_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "release_offers_release_id_group_id_pk" PRIMARY KEY("release_id","group_id"),
	CONSTRAINT "release_offers_status" CHECK ("release_offers"."status" in ('offered', 'accepted', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "group_links" ADD CONSTRAINT "group_links_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_links" ADD CONSTRAINT "group_links_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_links" ADD CONSTRAINT "group_links_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_authorisations" ADD CONSTRAINT "release_authorisations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_authorisations" ADD CONSTRAINT "release_authorisations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_authorisations" ADD CONSTRAINT "release_authorisations_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_offers" ADD CONSTRAINT "release_offers_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_offers" ADD CONSTRAINT "release_offers_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_offers" ADD CONSTRAINT "release_offers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_links_group_idx" ON "group_links" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_links_other_idx" ON "group_links" USING btree ("other_group_id");--> statement-breakpoint
CREATE INDEX "release_authorisations_proposal_idx" ON "release_authorisations" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "release_offers_group_idx" ON "release_offers" USING btree ("group_id");--> statement-breakpoint
-- Releases to other groups made before offers existed become offers: the
-- receiving group's chairs accept them (or not) before its people see them.
INSERT INTO "release_offers" ("release_id", "group_id", "offered_at")
SELECT r."id", g."id", r."released_at"
FROM "releases" r
JOIN "groups" g ON g."id" = ANY (r."group_ids")
WHERE r."audience" = 'groups' AND r."withdrawn_at" IS NULL
ON CONFLICT DO NOTHING;
