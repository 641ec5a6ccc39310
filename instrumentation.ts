// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request reaches Next.js with a method it cannot handle (TRACE answered 500).
  const { installMethodGuard } = await import('./lib/api/methods');
  installMethodGuard();
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
}
