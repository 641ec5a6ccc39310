// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request reaches Next.js with a method or a path it answers with a 500 (TRACE, /items/%ED%A0%80).
  const { installRequestGuard } = await import('./lib/api/request-guard');
  installRequestGuard();
  // SERVER_TIMING=1: a Server-Timing header on every response (total, db, render, cpu); off by default.
  const { serverTimingEnabled, installServerTiming } = await import('./lib/http/server-timing');
  if (serverTimingEnabled()) installServerTiming();
  // Before the first request: sign-in throttling needs each request's socket address (lib/http/peer-address.ts).
  const { stampPeerAddresses } = await import('./lib/http/peer-address');
  stampPeerAddresses();
  // A mistyped TRUST_PROXY, PUBLIC_URL or BETTER_AUTH_URL stops the start here, not the first sign-in.
  const { checkHttpConfiguration } = await import('./lib/http/check-configuration');
  checkHttpConfiguration();
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
}
