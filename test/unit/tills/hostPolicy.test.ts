import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from '../../../src/tills/network/addresses.ts';
import { checkTillUrl, DEFAULT_HOST_POLICY } from '../../../src/tills/network/hostPolicy.ts';
import { DEFAULTS } from '../../../src/tills/asterio/connector.ts';
import { INTERACTIVE_MS } from '../../../src/services/tills/tillAccess.ts';

describe('till host policy', () => {
  it('allows public unicast only; loopback only with the development switch', () => {
    for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700::1111'])
      expect(isAllowedAddress(a, false), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
      '::',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.64.0.1',
      '169.254.169.254',
      'fe80::1',
      'fc00::1',
      '224.0.0.1',
      'ff02::1',
      '255.255.255.255',
      '240.0.0.1',
      '192.0.2.1',
      '2001:db8::1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
      'pas-une-adresse',
    ])
      expect(isAllowedAddress(a, false), a).toBe(false);
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
  });

  it('takes only https://*.myasterio.com on port 443 by default', () => {
    expect(() =>
      checkTillUrl(new URL('https://monresto-70001.myasterio.com'), DEFAULT_HOST_POLICY),
    ).not.toThrow();
    expect(() =>
      checkTillUrl(new URL('https://monresto-70001.myasterio.com:443'), DEFAULT_HOST_POLICY),
    ).not.toThrow();
    for (const url of [
      'https://myasterio.com',
      'https://myasterio.com.evil.fr',
      'https://evilmyasterio.com',
      'https://x.myasterio.com:8443',
      'http://x.myasterio.com',
    ])
      expect(() => checkTillUrl(new URL(url), DEFAULT_HOST_POLICY), url).toThrow();
    const widened = { ...DEFAULT_HOST_POLICY, domainPatterns: ['*.myasterio.com', 'caisse.exemple.fr:8443'] };
    expect(() => checkTillUrl(new URL('https://caisse.exemple.fr:8443'), widened)).not.toThrow();
    expect(() => checkTillUrl(new URL('https://caisse.exemple.fr'), widened)).toThrow();
  });

  it('keeps every till time-out at 10 s or less; a connection test (two requests, no retry) within 10 s', () => {
    expect(DEFAULTS.connectMs).toBeLessThanOrEqual(10_000);
    expect(DEFAULTS.readMs).toBeLessThanOrEqual(10_000);
    expect(DEFAULTS.totalMs).toBeLessThanOrEqual(10_000);
    expect(2 * INTERACTIVE_MS).toBeLessThanOrEqual(10_000);
  });
});
