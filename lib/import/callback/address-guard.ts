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
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

function v4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function isBlockedV4(address: string): boolean {
  const value = v4ToNumber(address);
  return BLOCKED_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(v4ToNumber(base) / 2 ** (32 - bits)));
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
  if (firstSix.every((group) => group === 0)) return g[6] === 0 && g[7] === 1 ? true : isBlockedV4(embeddedV4(g)); // ::1, ::a.b.c.d
  if (g.slice(0, 5).every((group) => group === 0) && g[5] === 0xffff) return isBlockedV4(embeddedV4(g)); // IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b) return isBlockedV4(embeddedV4(g)); // NAT64 reaches IPv4 behind it
  if ((g[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g[0] & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
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

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal');
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
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The callback URL must start with http:// or https://.';
  if (url.username || url.password) return 'The callback URL must not contain a user name or password.';
  if (privateCallbacksAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) ? isPrivateAddress(host) : isLocalName(host)) {
    return `The callback URL points to a private or local address (${url.hostname}); only public addresses can be called back.`;
  }
  return null;
}
