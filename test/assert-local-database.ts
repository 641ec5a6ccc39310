/** Test setup drops and creates databases: refuse to do that anywhere but on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run destructive test setup against ${host}; tests only use a local PostgreSQL.`);
  }
}
