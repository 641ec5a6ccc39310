import { createDb } from '@/db/client';
import { ImportWorker } from './worker';

const holder = globalThis as unknown as { __serialstockImportWorker?: Promise<ImportWorker> };

/**
 * Starts the bulk write worker inside the server process (once, even across dev hot reloads), on a
 * small pool of its own so imports never starve page requests of connections. IMPORT_WORKER=false
 * leaves the work to `npm run worker` processes.
 */
export function startInProcessWorker(): Promise<ImportWorker> | null {
  if (process.env.IMPORT_WORKER === 'false') return null;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the database before the import worker.');
  holder.__serialstockImportWorker ??= (async () => {
    const worker = new ImportWorker(createDb(url, 4));
    await worker.start();
    return worker;
  })();
  return holder.__serialstockImportWorker;
}
