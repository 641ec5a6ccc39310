// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request reaches Next.js with a method or a path it answers with a 500 (TRACE, /items/%ED%A0%80).
  const { installRequestGuard } = await import('./lib/api/request-guard');
  installRequestGuard();
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
}
