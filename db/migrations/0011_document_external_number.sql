ALTER TABLE "document" ADD COLUMN "external_number" text;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "external_number_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "document_external_number" ON "document" USING btree ("kind",coalesce("partner_id", 0),"external_number_key") WHERE "document"."external_number_key" is not null;