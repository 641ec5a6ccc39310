import { afterEach, describe, expect, it } from 'vitest';
import { checkCallbackUrl, isPrivateAddress } from './callback-url';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'febf::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'ff02::1',
    '[::1]',
    'not-an-ip',
    // Slipped through before: site-local, IPv4-translated, 6to4 of private IPv4, discard, Teredo, documentation, SRv6,
    // local NAT64.
    'fec0::1',
    '::ffff:0:7f00:1',
    '2002:7f00:1::',
    '2002:a00:1::1',
    '100::1',
    '2001::1',
    '3fff::1',
    '5f00::1',
    '64:ff9b:1::a00:1',
  ])('%s is not public', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700::1111',
    '::ffff:93.184.216.34',
    '2001:4860:4860::8888',
    '2002:5db8:d822::1',
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('checkCallbackUrl', () => {
  afterEach(() => {
    delete process.env.ALLOW_PRIVATE_CALLBACKS;
  });

  it.each([
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0x7f.0.0.1/',
    'http://localhost:3000/',
    'http://api.localhost/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://0/',
  ])('refuses %s, however the address is spelt', (url) => {
    expect(checkCallbackUrl(url)).toMatch(/private or local address/);
  });

  it('refuses other schemes and credentials, accepts public http(s)', () => {
    expect(checkCallbackUrl('ftp://example.com/')).toMatch(/http:\/\/ or https:\/\//);
    expect(checkCallbackUrl('file:///etc/passwd')).toMatch(/http:\/\/ or https:\/\//);
    expect(checkCallbackUrl('https://user:pw@example.com/')).toMatch(/user name or password/);
    expect(checkCallbackUrl('https://hooks.example.com/bulk?x=1')).toBeNull();
  });

  it('allows private targets only with ALLOW_PRIVATE_CALLBACKS=true', () => {
    process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
    expect(checkCallbackUrl('http://127.0.0.1:8080/')).toBeNull();
  });
});
