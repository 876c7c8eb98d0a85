ALTER TABLE "users" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_job_title_length" CHECK ("users"."job_title" is null or char_length("users"."job_title") between 1 and 120);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_length" CHECK ("users"."organisation" is null or char_length("users"."organisation") between 1 and 120);