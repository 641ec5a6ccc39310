import { isIP } from 'node:net';

/**
 * Callback targets are chosen by API clients, so a job could otherwise make the server call its own
 * network (SSRF). Only public unicast addresses are allowed unless ALLOW_PRIVATE_CALLBACKS=true.
 */
export function privateCallbacksAllowed(): boolean {
  return process.env.ALLOW_PRIVATE_CALLBACKS === 'true';
}

// [first address, prefix length]: everything that is not a public unicast IPv4 address.
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function v4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function isBlockedV4(address: string): boolean {
  const value = v4ToNumber(address);
  return BLOCKED_V4.some(
    ([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(v4ToNumber(base) / 2 ** (32 - bits)),
  );
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4Tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4Tail) {
    const value = v4ToNumber(v4Tail[1]);
    text = `${text.slice(0, -v4Tail[1].length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16));
}

function embeddedV4(groups: number[]): string {
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

function isBlockedV6(address: string): boolean {
  const g = v6Groups(address);
  const firstSix = g.slice(0, 6);
  if (g.every((group) => group === 0)) return true; // :: unspecified
  // ::1 (loopback), ::a.b.c.d (IPv4-compatible)
  if (firstSix.every((group) => group === 0)) return g[6] === 0 && g[7] === 1 ? true : isBlockedV4(embeddedV4(g));
  // IPv4-mapped
  if (g.slice(0, 5).every((group) => group === 0) && g[5] === 0xffff) return isBlockedV4(embeddedV4(g));
  // NAT64 reaches IPv4 behind it; 64:ff9b:1::/48 is local
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] !== 0 || isBlockedV4(embeddedV4(g));
  // 6to4 (2002::/16) carries the IPv4 address it is relayed to in its second and third groups.
  if (g[0] === 0x2002) return isBlockedV4([g[1] >> 8, g[1] & 0xff, g[2] >> 8, g[2] & 0xff].join('.'));
  // Only 2000::/3 is global unicast. Everything else is not a public address: the rest of ::/8 (e.g.
  // ::ffff:0:a.b.c.d), 100::/64 discard, fc00::/7 unique local, fe80::/10 link-local, fec0::/10
  // site-local, ff00::/8 multicast, 5f00::/16 SRv6.
  if ((g[0] & 0xe000) !== 0x2000) return true;
  if (g[0] === 0x2001 && g[1] < 0x0200) return true; // 2001::/23 special purpose: Teredo, benchmarking, ORCHID
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (g[0] === 0x3fff && g[1] < 0x1000) return true; // documentation 3fff::/20
  return false;
}

/** True for loopback, private, link-local, unique-local, unspecified and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return isBlockedV4(bare);
  if (family === 6) return isBlockedV6(bare);
  return true;
}

// Names hosts files give to this machine (Debian: ip6-localhost, ip6-loopback; others localhost.localdomain).
const LOCAL_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback', 'localhost.localdomain']);

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    LOCAL_NAMES.has(name) ||
    ['.localhost', '.local', '.internal', '.localdomain', '.home.arpa'].some((suffix) => name.endsWith(suffix))
  );
}

/**
 * The problem with a callback URL as written, or null. The WHATWG URL parser has already turned
 * decimal, hex and octal IPv4 spellings (http://2130706433/, http://0x7f.1/) into dotted form here.
 */
export function checkCallbackUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `The callback URL '${raw}' is not a valid URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The callback URL must start with http:// or https://.';
  if (url.username || url.password) return 'The callback URL must not contain a user name or password.';
  if (privateCallbacksAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) ? isPrivateAddress(host) : isLocalName(host)) {
    return `The callback URL points to a private or local address (${url.hostname}); only public addresses can be called back.`;
  }
  return null;
}
