import { BlockList, isIP } from 'node:net';
import { peerAddress } from './peer-address';

/**
 * The address of the client behind a request, for sign-in throttling and logs. X-Forwarded-For is written
 * by whoever sends the request, so it is read only as far as TRUST_PROXY says proxies of ours wrote it:
 * - unset (or `false`, `0`): no proxy; the socket's own address, whatever the header says;
 * - a hop count `N`: N proxies of ours stand in front, each appending the address it was reached from;
 * - a list of proxy addresses or networks (`10.0.0.5, 192.168.0.0/16, fd00::/8`): entries are read from the
 *   right while they are one of those proxies, and the first other one is the client.
 */
export type ProxyTrust = { hops: number } | { proxies: BlockList } | null;

export function parseTrustProxy(raw: string | undefined): ProxyTrust {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  if (text === 'true') {
    throw new Error(
      'TRUST_PROXY=true would believe any X-Forwarded-For a client sends; give the number of proxies or their addresses',
    );
  }
  const proxies = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address);
    if (!family || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)))
      throw new Error(`TRUST_PROXY: ${entry} is not an IP address or network`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(prefix), type);
  }
  return { proxies };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, `[::1]:80` → `::1`, `10.0.0.1:80` → `10.0.0.1`; null for anything not an address. */
export function normaliseAddress(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  const bracketed = text.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (text.startsWith('::ffff:') && isIP(text.slice(7)) === 4) text = text.slice(7);
  return isIP(text) ? text : null;
}

function isTrusted(address: string, proxies: BlockList): boolean {
  return proxies.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/** The client address by the rules above, or null when the socket address is unknown (see peer-address.ts). */
export function clientAddress(
  headers: Headers,
  trust: ProxyTrust = parseTrustProxy(process.env.TRUST_PROXY),
): string | null {
  const peer = peerAddress(headers);
  const socket = peer === null ? null : normaliseAddress(peer);
  if (socket === null) return null;
  if (trust === null) return socket;
  // Nearest last: what the client claims, then what each proxy appended, then the socket itself.
  const chain = [...(headers.get('x-forwarded-for') ?? '').split(',').map(normaliseAddress), socket];
  let at = chain.length - 1;
  if ('hops' in trust) at = Math.max(0, at - trust.hops);
  else while (at > 0 && isTrusted(chain[at]!, trust.proxies) && chain[at - 1] !== null) at--;
  // An entry that is not an address was not written by a proxy of ours: keep the nearest real one.
  while (chain[at] === null) at++;
  return chain[at]!;
}
