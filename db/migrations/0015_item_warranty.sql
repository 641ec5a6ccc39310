ALTER TABLE "item" ADD COLUMN "sale_warranty_months" integer;--> statement-breakpoint
ALTER TABLE "item" ADD COLUMN "purchase_warranty_months" integer;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_warranty_months_range" CHECK ("item"."sale_warranty_months" between 0 and 600 and "item"."purchase_warranty_months" between 0 and 600);