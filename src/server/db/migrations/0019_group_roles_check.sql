-- The group roles CHECK now made from GROUP_ROLES (src/contracts/domains.ts), in its order: the same four roles.
ALTER TABLE "group_people" DROP CONSTRAINT "group_people_role";--> statement-breakpoint
ALTER TABLE "group_people" ADD CONSTRAINT "group_people_role" CHECK ("group_people"."role" in ('participant', 'observer', 'note_taker', 'chair'));