DROP TABLE "import_row_result" CASCADE;--> statement-breakpoint
CREATE VIEW "public"."import_row_result" AS (
  select c.job_id, (r.value ->> 0)::integer as row_number, r.value ->> 1 as status, r.value ->> 2 as record_id,
    coalesce(r.value -> 3, '[]'::jsonb) as errors
  from import_result_chunk c cross join lateral jsonb_array_elements(c.results) as r(value));