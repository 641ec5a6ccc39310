-- Sign-in throttling moves from a log of failures (fixed 15-minute lockout per account and per IP) to one
-- back-off row per account, known browser and client address. Old failures are dropped: at worst an attacker
-- mid-attack gets a fresh allowance of 5 tries per account once, at the upgrade.
CREATE TABLE "sign_in_throttle" (
	"bucket" text PRIMARY KEY NOT NULL,
	"email" text,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP TABLE "sign_in_failure" CASCADE;--> statement-breakpoint
CREATE INDEX "sign_in_throttle_email_index" ON "sign_in_throttle" USING btree ("email");