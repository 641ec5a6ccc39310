ALTER TABLE "serial_movement" DROP CONSTRAINT "serial_movement_document_id_document_id_fk";
--> statement-breakpoint
ALTER TABLE "serial_movement" DROP CONSTRAINT "serial_movement_warehouse_id_warehouse_id_fk";
--> statement-breakpoint
ALTER TABLE "serial_number" DROP CONSTRAINT "serial_number_warehouse_id_warehouse_id_fk";
--> statement-breakpoint
DROP INDEX "serial_number_serial_trgm";--> statement-breakpoint
DROP INDEX "serial_number_serial_index";--> statement-breakpoint
CREATE INDEX "serial_number_serial_prefix" ON "serial_number" USING btree ("serial" text_pattern_ops);