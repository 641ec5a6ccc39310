ALTER TYPE "public"."document_kind" ADD VALUE 'customer_return';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'supplier_return';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'credit_note';--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "return_of_id" bigint;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_return_of_id_document_id_fk" FOREIGN KEY ("return_of_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_return_of_id_index" ON "document" USING btree ("return_of_id") WHERE "document"."return_of_id" is not null;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_return_of_returns" CHECK (("document"."kind"::text in ('customer_return', 'supplier_return', 'credit_note')) = ("document"."return_of_id" is not null));