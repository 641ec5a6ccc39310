import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { apiKey } from './access';
import { createdAt, idPk, idRef, userRef } from './columns';
import { user } from './auth';

/** Raw bytes in PostgreSQL: uploads and result files live in the database, so any instance can serve them. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const IMPORT_STATUSES = ['ADDED', 'IN PROGRESS', 'COMPLETED', 'FAILED'] as const;

export const CONTENT_ENCODINGS = ['identity', 'gzip'] as const;

/** An uploaded file (Zoho's file_id), kept until the jobs that use it are done with it. */
export const importFile = pgTable('import_file', {
  id: idPk(),
  fileName: text().notNull(),
  /**
   * The upload's bytes as sent (`identity`) or gzipped by the app (`gzip`: a CSV; see
   * lib/import/upload/storage-encoding.ts).
   */
  content: bytea().notNull(),
  contentEncoding: text({ enum: CONTENT_ENCODINGS }).notNull().default('identity'),
  sizeBytes: integer().notNull(),
  sha256: text().notNull(),
  uploadedBy: userRef()
    .notNull()
    .references(() => user.id),
  createdAt: createdAt(),
});

/** A bulk write job. Workers claim it with FOR UPDATE SKIP LOCKED; `nextRow` is the resume point. */
export const importJob = pgTable(
  'import_job',
  {
    id: idPk(),
    operation: text({ enum: ['insert', 'update', 'upsert'] }).notNull(),
    module: text().notNull(),
    fileId: idRef()
      .notNull()
      .references(() => importFile.id),
    findBy: text(),
    ignoreEmpty: boolean().notNull().default(false),
    characterEncoding: text(),
    /**
     * The field_mappings in Zoho's wire shape; a job whose resources name their files (file_names: a parent/child
     * job) keeps `{ resources: [{ module, file_name, total_count, field_mappings }] }`
     * (lib/import/request/job-resources.ts).
     */
    fieldMappings: jsonb().notNull(),
    dryRun: boolean().notNull().default(false),
    callbackUrl: text(),
    callbackMethod: text(),
    status: text({ enum: IMPORT_STATUSES }).notNull().default('ADDED'),
    failureReason: text(),
    createdBy: userRef()
      .notNull()
      .references(() => user.id),
    apiKeyId: idRef().references(() => apiKey.id),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    totalCount: integer().notNull().default(0),
    processedCount: integer().notNull().default(0),
    addedCount: integer().notNull().default(0),
    updatedCount: integer().notNull().default(0),
    skippedCount: integer().notNull().default(0),
    nextRow: integer().notNull().default(0),
    lockedBy: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    resultFile: bytea(),
    resultFileName: text(),
    callbackState: text({ enum: ['none', 'pending', 'delivered', 'failed'] })
      .notNull()
      .default('none'),
    callbackAttempts: integer().notNull().default(0),
    callbackNextAt: timestamp({ withTimezone: true }),
    callbackLastError: text(),
  },
  (t) => [
    index('import_job_claimable')
      .on(t.createdAt)
      .where(sql`${t.status} in ('ADDED', 'IN PROGRESS')`),
    index('import_job_callback_due')
      .on(t.callbackNextAt)
      .where(sql`${t.callbackState} = 'pending'`),
    index().on(t.createdBy, t.createdAt),
  ],
);

/**
 * The row outcomes of one committed chunk, as one value: a chunk's outcomes are written together,
 * in the chunk's own transaction (a resumed job skips them), and read together for the result
 * file. One row per chunk instead of one per source row keeps a 25,000-row job from paying 25,000
 * index insertions. `results` holds [rowNumber, status, recordId | null, errors?, file?] per source row;
 * `file`, the row's file in a parent/child job, is left out for the first file (import_row_result does not read it).
 */
export const importResultChunk = pgTable(
  'import_result_chunk',
  {
    jobId: idRef()
      .notNull()
      .references(() => importJob.id, { onDelete: 'cascade' }),
    startUnit: integer().notNull(),
    results: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.startUnit] })],
);

/** Row by row, for reports, scripts and ad-hoc SQL: one line per source row, read out of the chunks. */
export const importRowResult = pgView('import_row_result', {
  jobId: bigint({ mode: 'bigint' }).notNull(),
  rowNumber: integer().notNull(),
  status: text({ enum: ['ADDED', 'UPDATED', 'SKIPPED'] }).notNull(),
  recordId: text(),
  errors: jsonb().notNull(),
}).as(sql`
  select c.job_id, (r.value ->> 0)::integer as row_number, r.value ->> 1 as status, r.value ->> 2 as record_id,
    coalesce(r.value -> 3, '[]'::jsonb) as errors
  from import_result_chunk c cross join lateral jsonb_array_elements(c.results) as r(value)`);

/** Idempotency-Key: the first answer to a request is stored and replayed for retries of the same request. */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    owner: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer(),
    responseBody: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.key] }), index().on(t.createdAt)],
);
