import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkCallbackUrl } from '@/lib/import/request/callback-url';
import { resolvePublicHost, type ResolvedAddress } from './resolve-host';

export const CALLBACK_TIMEOUT_MS = 10_000;

export type DeliveryResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes, so the receiver can verify before parsing. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Connects to the address resolvePublicHost vetted, never to whatever a second DNS answer would say (DNS rebinding).
 */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function send(
  url: URL,
  target: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<DeliveryResult> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      { method: 'POST', headers, lookup: pinnedLookup(target), agent: false },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        clearTimeout(timer);
        // Redirects are not followed: a 3xx could point the signed body anywhere.
        if (status >= 200 && status < 300) resolve({ ok: true, status });
        else
          resolve({
            ok: false,
            status,
            error:
              status >= 300 && status < 400 ? `Redirect (${status}) not followed.` : `The receiver answered ${status}.`,
          });
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, error: error.message });
    });
    request.end(body);
  });
}

/** One delivery attempt: checks the URL again, resolves and vets the host, POSTs the signed body. */
export async function deliverCallback(
  rawUrl: string,
  body: string,
  secret: string,
  timeoutMs = CALLBACK_TIMEOUT_MS,
): Promise<DeliveryResult> {
  const problem = checkCallbackUrl(rawUrl);
  if (problem) return { ok: false, error: problem };
  const url = new URL(rawUrl);
  let target: ResolvedAddress;
  try {
    [target] = await resolvePublicHost(url.hostname);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  return send(
    url,
    target,
    body,
    {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'SerialStock-BulkWrite-Callback/1',
      'x-signature-256': signatureOf(body, secret),
    },
    timeoutMs,
  );
}
