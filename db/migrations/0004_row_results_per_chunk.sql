CREATE TABLE "import_result_chunk" (
	"job_id" bigint NOT NULL,
	"start_unit" integer NOT NULL,
	"results" jsonb NOT NULL,
	CONSTRAINT "import_result_chunk_job_id_start_unit_pk" PRIMARY KEY("job_id","start_unit")
);
--> statement-breakpoint
ALTER TABLE "import_result_chunk" ADD CONSTRAINT "import_result_chunk_job_id_import_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Jobs imported before this migration keep their results: all of a job's rows become one stored chunk.
INSERT INTO "import_result_chunk" ("job_id", "start_unit", "results")
SELECT "job_id", 0, jsonb_agg(
  CASE WHEN jsonb_array_length("errors") = 0 THEN jsonb_build_array("row_number", "status", "record_id")
       ELSE jsonb_build_array("row_number", "status", "record_id", "errors") END
  ORDER BY "row_number")
FROM "import_row_result" GROUP BY "job_id";
