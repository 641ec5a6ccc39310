ALTER TYPE "public"."document_kind" ADD VALUE 'expected_receipt';--> statement-breakpoint
CREATE TABLE "expected_serial" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expected_serial_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"line_id" bigint NOT NULL,
	"document_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"serial" text NOT NULL,
	"serial_key" text NOT NULL,
	"status" text DEFAULT 'expected' NOT NULL,
	"resolved_by_id" bigint,
	CONSTRAINT "expected_serial_resolved" CHECK (("expected_serial"."status" = 'expected') = ("expected_serial"."resolved_by_id" is null))
);
--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "expected_receipt_id" bigint;--> statement-breakpoint
ALTER TABLE "expected_serial" ADD CONSTRAINT "expected_serial_line_id_document_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."document_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_serial" ADD CONSTRAINT "expected_serial_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_serial" ADD CONSTRAINT "expected_serial_resolved_by_id_document_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expected_serial_open" ON "expected_serial" USING btree ("item_id","serial_key") WHERE "expected_serial"."status" = 'expected';--> statement-breakpoint
CREATE INDEX "expected_serial_document_id_status_index" ON "expected_serial" USING btree ("document_id","status");--> statement-breakpoint
CREATE INDEX "expected_serial_resolved_by_id_index" ON "expected_serial" USING btree ("resolved_by_id") WHERE "expected_serial"."resolved_by_id" is not null;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_expected_receipt_id_document_id_fk" FOREIGN KEY ("expected_receipt_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_expected_receipt_id_index" ON "document" USING btree ("expected_receipt_id") WHERE "document"."expected_receipt_id" is not null;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_confirms_expected_receipt" CHECK ("document"."expected_receipt_id" is null or "document"."kind"::text = 'goods_receipt');