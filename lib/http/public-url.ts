/**
 * The installation's public address, from configuration only. Links the app hands out (download_url,
 * callback bodies, the OpenAPI server, the API reference) and the origin check of route handlers read it
 * here: Host and X-Forwarded-* are set by whoever sends the request, so an address built from them can
 * point anywhere (issue 14: `javascript://evil.example/…` came back as a download_url).
 */

function configured(name: 'PUBLIC_URL' | 'BETTER_AUTH_URL'): URL | null {
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name}=${raw} is not a URL; set it to the address people open, e.g. https://stock.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http or https URL, not ${url.protocol}`);
  return url;
}

const fallback = () => new URL(`http://localhost:${process.env.PORT ?? 3000}`);

/** BETTER_AUTH_URL (default http://localhost:$PORT): where sign-in and its cookies live. */
export function authBaseUrl(): string {
  return stripSlash((configured('BETTER_AUTH_URL') ?? fallback()).href);
}

/** PUBLIC_URL, else BETTER_AUTH_URL: the base of every link the app hands out. No trailing slash. */
export function publicBaseUrl(): string {
  return stripSlash((configured('PUBLIC_URL') ?? configured('BETTER_AUTH_URL') ?? fallback()).href);
}

/** The origins the configuration names as this app's own (both, when PUBLIC_URL and BETTER_AUTH_URL differ). */
export function configuredOrigins(): Set<string> {
  return new Set([new URL(publicBaseUrl()).origin, new URL(authBaseUrl()).origin]);
}

function stripSlash(href: string): string {
  return href.replace(/\/+$/, '');
}
