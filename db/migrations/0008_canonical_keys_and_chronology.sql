-- The key columns are filled by db/data-steps/canonical-keys.ts right after the migrations (the key is
-- computed in TypeScript from Unicode's data, not in SQL); that step refuses on collisions and then sets
-- them NOT NULL. Nulls are distinct in a unique index, so the indexes can be created first.
DROP INDEX "serial_number_item_id_serial_index";--> statement-breakpoint
DROP INDEX "serial_number_serial_prefix";--> statement-breakpoint
ALTER TABLE "item" ADD COLUMN "code_key" text;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "code_key" text;--> statement-breakpoint
ALTER TABLE "warehouse" ADD COLUMN "code_key" text;--> statement-breakpoint
ALTER TABLE "serial_number" ADD COLUMN "serial_key" text;--> statement-breakpoint
ALTER TABLE "serial_number" ADD COLUMN "last_moved_on" date;--> statement-breakpoint
UPDATE "serial_number" s SET "last_moved_on" = d."date"
  FROM (SELECT DISTINCT ON (serial_id) serial_id, document_id FROM serial_movement ORDER BY serial_id, id DESC) m
  JOIN "document" d ON d.id = m.document_id
  WHERE m.serial_id = s.id;--> statement-breakpoint
UPDATE "serial_number" SET "last_moved_on" = "received_at"::date WHERE "last_moved_on" IS NULL;--> statement-breakpoint
ALTER TABLE "serial_number" ALTER COLUMN "last_moved_on" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "item_code_key_index" ON "item" USING btree ("code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_code_key_index" ON "partner" USING btree ("code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_code_key_index" ON "warehouse" USING btree ("code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "serial_number_item_id_serial_key_index" ON "serial_number" USING btree ("item_id","serial_key");--> statement-breakpoint
CREATE INDEX "serial_number_key_prefix" ON "serial_number" USING btree ("serial_key" text_pattern_ops);
