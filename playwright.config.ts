import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

/**
 * End-to-end tests drive the production build (built by scripts/test-e2e.sh) in Debian's Chromium.
 * The server runs on its own embedded PostgreSQL, created fresh for each run.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${BASE_URL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      PG_DATA_DIR: process.env.E2E_PG_DATA_DIR ?? './.data/e2e-postgres',
      PG_PORT: process.env.E2E_PG_PORT ?? '54349',
      BETTER_AUTH_URL: BASE_URL,
      ALLOW_PRIVATE_CALLBACKS: 'true',
      SEED_DEMO: 'true',
    },
  },
});
