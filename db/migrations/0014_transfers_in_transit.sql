ALTER TYPE "public"."document_kind" ADD VALUE 'transfer_arrival';--> statement-breakpoint
ALTER TYPE "public"."serial_status" ADD VALUE 'in_transit';--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "in_transit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "transfer_id" bigint;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_transfer_id_document_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_transfer_id_index" ON "document" USING btree ("transfer_id") WHERE "document"."transfer_id" is not null;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_in_transit_transfers" CHECK (not "document"."in_transit" or "document"."kind"::text = 'transfer');--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_arrival_of_transfer" CHECK (("document"."kind"::text = 'transfer_arrival') = ("document"."transfer_id" is not null));