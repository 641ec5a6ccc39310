import { apiError } from './responses';

/** Zoho clients may call any version segment from v2 to v8; anything else is an unknown URL. */
export function checkVersion(version: string): Response | null {
  return /^v[2-8]$/.test(version) ? null : apiError(404, 'INVALID_URL_PATTERN', `The API version '${version}' is not supported; use v2 to v8.`);
}
