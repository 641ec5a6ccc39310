import { App, databaseUrl, ensureProductionBuild, freshDataDir, type AppConfig } from './app';
import { openDb } from './clients';

/**
 * Every fault scenario starts alike: the production build, a fresh data folder, the app, and a client of its database.
 */
export async function startScenario(name: string, config: AppConfig) {
  ensureProductionBuild();
  await freshDataDir(config.dataDir);
  const app = new App(config);
  console.log(
    `[${name}] starting the production app on ${app.url} (PostgreSQL ${config.pgPort}, ${config.dataDir}); log: ${app.logFile}`,
  );
  await app.start();
  return { app, ...openDb(databaseUrl(config)) };
}
