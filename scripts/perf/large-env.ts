/**
 * Where the large data set lives unless told otherwise: its own embedded server, data folder and app port,
 * so the perf runs never touch the app's data (./.data/postgres, 54329, 3000) or the test servers'.
 */
export const LARGE_DEFAULTS = { dataDir: './.data/perf-large', pgPort: '54601', appPort: '3601' } as const;
