ALTER TABLE "import_file" ADD COLUMN "content_encoding" text DEFAULT 'identity' NOT NULL;--> statement-breakpoint
-- Uploads arrive compressed (ZIP, .xlsx) or are gzipped by the app (CSV), and result files are ZIPs:
-- PostgreSQL's own compression only spent time on them (30-40 ms per 1.5 MB upload), so it is off.
ALTER TABLE "import_file" ALTER COLUMN "content" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "import_job" ALTER COLUMN "result_file" SET STORAGE EXTERNAL;
