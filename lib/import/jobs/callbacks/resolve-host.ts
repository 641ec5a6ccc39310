import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress, privateCallbacksAllowed } from '@/lib/import/request/callback-url';

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** A host name that resolves to a private address: refused, at job creation as at delivery. */
export class PrivateHostError extends Error {
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to the private address ${address}; only public addresses can be called back.`);
    this.name = 'PrivateHostError';
  }
}

/** Resolves the host once and vets every address: a name with one private address is refused whole. */
export async function resolvePublicHost(hostname: string): Promise<ResolvedAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family
    ? [{ address: host, family: family as 4 | 6 }]
    : (await lookup(host, { all: true, verbatim: true })).map((a) => ({
        address: a.address,
        family: a.family as 4 | 6,
      }));
  if (addresses.length === 0) throw new Error(`${hostname} has no address.`);
  if (!privateCallbacksAllowed()) {
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) throw new PrivateHostError(hostname, blocked.address);
  }
  return addresses;
}

/** Creating a job waits this long for DNS at most; a slower answer is left to the delivery. */
export const CREATION_LOOKUP_TIMEOUT_MS = 2_000;

const isNameNotFound = (error: unknown) =>
  /ENOTFOUND|ENODATA/.test(String((error as { code?: string })?.code ?? (error as Error)?.message ?? ''));

/**
 * The callback URL's host checked when the job is created, so a client learns at once (not after
 * the import) that its callback can never be delivered. A name that does not exist is refused; a DNS
 * server that does not answer right now (or within CREATION_LOOKUP_TIMEOUT_MS) is not the client's
 * fault, so the job is accepted and the delivery checks again (and retries).
 */
export async function checkCallbackHost(url: string, timeoutMs = CREATION_LOOKUP_TIMEOUT_MS): Promise<string | null> {
  if (privateCallbacksAllowed()) return null;
  const { hostname } = new URL(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), timeoutMs);
  });
  try {
    await Promise.race([resolvePublicHost(hostname), slow]);
    return null;
  } catch (error) {
    if (error instanceof PrivateHostError) return error.message;
    if (isNameNotFound(error)) return `The callback host ${hostname} does not exist (DNS has no address for it).`;
    return null;
  } finally {
    clearTimeout(timer);
  }
}
