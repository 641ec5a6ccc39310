ALTER TYPE "public"."document_kind" ADD VALUE 'transfer';--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "destination_warehouse_id" bigint;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_destination_warehouse_id_warehouse_id_fk" FOREIGN KEY ("destination_warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_destination_warehouse_id_index" ON "document" USING btree ("destination_warehouse_id") WHERE "document"."destination_warehouse_id" is not null;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_destination_of_transfers" CHECK (("document"."kind"::text = 'transfer') = ("document"."destination_warehouse_id" is not null));--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_transfer_between_two" CHECK ("document"."destination_warehouse_id" <> "document"."warehouse_id");