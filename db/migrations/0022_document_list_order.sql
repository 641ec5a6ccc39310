DROP INDEX "document_kind_date_index";--> statement-breakpoint
CREATE INDEX "document_kind_date_id_index" ON "document" USING btree ("kind","date","id");