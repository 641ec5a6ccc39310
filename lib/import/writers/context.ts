import type { CatalogModule, DocumentModule, AppModule, Operation } from '@/lib/modules';
import type { MappingRequest } from '@/lib/import/request/mappings';

/** What every row of a job is read and written with. */
export interface JobContext<M extends AppModule = AppModule> {
  jobId: bigint;
  module: M;
  operation: Operation;
  findBy: string | null;
  ignoreEmpty: boolean;
  mappings: MappingRequest[];
  /** The job's creator: documents are posted in their name, as if they had typed them in. */
  userId: number;
  dryRun: boolean;
}

export type CatalogContext = JobContext<CatalogModule>;
export type DocumentContext = JobContext<DocumentModule>;

export function mappingFor(ctx: JobContext, apiName: string): MappingRequest | undefined {
  return ctx.mappings.find((mapping) => mapping.apiName === apiName);
}
