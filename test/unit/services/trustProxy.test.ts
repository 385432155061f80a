import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../../src/config.ts';

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
  });
  it("takes Fastify's hop count or a list of addresses and ranges", () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(parseTrustProxy('::1')).toEqual(['::1']);
  });
  it('refuses true (any client could choose its address) and junk', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example.fr')).toThrow(/TRUST_PROXY/);
  });
});
