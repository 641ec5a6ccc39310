import { apiError } from './responses';

/** Every version segment Zoho CRM has published (v2.1 came between v2 and v3); all reach the same API here. */
export const API_VERSIONS = ['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'] as const;

/** Zoho clients may call any published version segment; anything else is an unknown URL. */
export function checkVersion(version: string): Response | null {
  return (API_VERSIONS as readonly string[]).includes(version)
    ? null
    : apiError(
        404,
        'INVALID_URL_PATTERN',
        `The API version '${version}' is not supported; use one of ${API_VERSIONS.join(', ')}.`,
      );
}
