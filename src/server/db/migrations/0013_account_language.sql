ALTER TABLE "registrations" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_language_known" CHECK ("registrations"."language" in ('en-GB', 'cy'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language_known" CHECK ("users"."language" in ('en-GB', 'cy'));