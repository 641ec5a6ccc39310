CREATE TYPE "public"."stocktake_status" AS ENUM('open', 'closed', 'cancelled');--> statement-breakpoint
CREATE TABLE "stocktake" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktake_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"warehouse_id" bigint NOT NULL,
	"date" date NOT NULL,
	"status" "stocktake_status" DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reason" text,
	"created_by" bigint NOT NULL,
	"closed_by" bigint,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktake_count" (
	"stocktake_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"book_quantity" numeric(18, 3) NOT NULL,
	"counted_by" bigint NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stocktake_count_stocktake_id_item_id_pk" PRIMARY KEY("stocktake_id","item_id"),
	CONSTRAINT "stocktake_count_not_negative" CHECK ("stocktake_count"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stocktake_item" (
	"stocktake_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	CONSTRAINT "stocktake_item_stocktake_id_item_id_pk" PRIMARY KEY("stocktake_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "stocktake_scan" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktake_scan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stocktake_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"serial" text NOT NULL,
	"serial_key" text NOT NULL,
	"scanned_by" bigint NOT NULL,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktake_series" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "stocktake_id" bigint;--> statement-breakpoint
ALTER TABLE "stocktake" ADD CONSTRAINT "stocktake_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake" ADD CONSTRAINT "stocktake_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake" ADD CONSTRAINT "stocktake_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_count" ADD CONSTRAINT "stocktake_count_stocktake_id_stocktake_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktake"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_count" ADD CONSTRAINT "stocktake_count_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_item" ADD CONSTRAINT "stocktake_item_stocktake_id_stocktake_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktake"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_item" ADD CONSTRAINT "stocktake_item_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_scan" ADD CONSTRAINT "stocktake_scan_stocktake_id_stocktake_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktake"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_number_index" ON "stocktake" USING btree ("number");--> statement-breakpoint
CREATE INDEX "stocktake_warehouse_id_status_index" ON "stocktake" USING btree ("warehouse_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_one_open_per_warehouse" ON "stocktake" USING btree ("warehouse_id") WHERE "stocktake"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_scan_stocktake_id_item_id_serial_key_index" ON "stocktake_scan" USING btree ("stocktake_id","item_id","serial_key");--> statement-breakpoint
CREATE INDEX "stocktake_scan_stocktake_id_id_index" ON "stocktake_scan" USING btree ("stocktake_id","id");--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_stocktake_id_stocktake_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktake"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_stocktake_id_index" ON "document" USING btree ("stocktake_id") WHERE "document"."stocktake_id" is not null;