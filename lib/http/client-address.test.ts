import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, parseTrustProxy } from './client-address';
import { peerAddress, stampedPeerHeader } from './peer-address';

const request = (socket: string, forwardedFor?: string) =>
  new Headers({ ...stampedPeerHeader(socket), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) });

describe('the client address', () => {
  it('without TRUST_PROXY is the socket address, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('::ffff:198.51.100.7', '203.0.113.1'), null)).toBe('198.51.100.7');
    expect(clientAddress(request('198.51.100.7'), parseTrustProxy(undefined))).toBe('198.51.100.7');
    expect(clientAddress(request('198.51.100.7', '203.0.113.1'), parseTrustProxy('false'))).toBe('198.51.100.7');
  });

  it('is unknown when the socket address was not stamped by this process: a forged stamp is ignored', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.1' }), null)).toBeNull();
    expect(peerAddress(new Headers({ 'x-serialstock-peer': 'guess 203.0.113.1' }))).toBeNull();
  });

  it('with a hop count is the entry that many proxies from the socket', () => {
    // client → proxy A (appends the client) → proxy B (appends A) → app (socket = B)
    const headers = request('10.0.0.2', 'spoofed, 198.51.100.7, 10.0.0.1');
    expect(clientAddress(headers, parseTrustProxy('1'))).toBe('10.0.0.1');
    expect(clientAddress(headers, parseTrustProxy('2'))).toBe('198.51.100.7');
    // More hops than entries: the farthest real address, never the client's own claim past it.
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), parseTrustProxy('5'))).toBe('198.51.100.7');
    // A request that bypassed the proxy is judged by its socket.
    expect(clientAddress(request('198.51.100.9'), parseTrustProxy('1'))).toBe('198.51.100.9');
  });

  it('with a list of proxies is the first entry from the right that is not one of them', () => {
    const trust = parseTrustProxy('10.0.0.0/8, fd00::/8 192.168.1.1');
    expect(clientAddress(request('10.0.0.2', '203.0.113.1, 198.51.100.7, 192.168.1.1'), trust)).toBe('198.51.100.7');
    expect(clientAddress(request('fd00::5', '198.51.100.7'), trust)).toBe('198.51.100.7');
    // Not from a trusted proxy: its X-Forwarded-For is the client's own word and is not read.
    expect(clientAddress(request('198.51.100.9', '203.0.113.1'), trust)).toBe('198.51.100.9');
    // A trusted proxy passing on garbage: the proxy is the last address we can vouch for.
    expect(clientAddress(request('10.0.0.2', 'not-an-address'), trust)).toBe('10.0.0.2');
  });

  it('refuses settings that would trust anyone or that are not addresses', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hop|addresses/);
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/not an IP address/);
    expect(() => parseTrustProxy('10.0.0.0/abc')).toThrow(/not an IP address/);
  });

  it.each([
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['[::1]:443', '::1'],
    ['10.1.2.3:8080', '10.1.2.3'],
    [' 2001:DB8::1 ', '2001:db8::1'],
    ['', null],
    ['unknown', null],
    ['10.1.2', null],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});
