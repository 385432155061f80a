import { describe, expect, it } from 'vitest';
import { asterioCredentialsSchema, deriveFromDomain } from '../../../src/tills/asterio/credentials.ts';
import { TillError, createTillConnector } from '../../../src/tills/connector.ts';

const valid = {
  domain: 'https://monresto-70001.myasterio.com',
  kmlcode: 'monresto-70001',
  identifier: 'MONRESTO_GENERICDATA',
  password: 'x',
};

describe('Astério credentials', () => {
  it('derives kmlcode and identifier from the domain', () => {
    expect(deriveFromDomain('https://monresto-70001.myasterio.com')).toEqual({
      kmlcode: 'monresto-70001',
      identifier: 'MONRESTO_GENERICDATA',
    });
    expect(deriveFromDomain('Le-Bistrot-12.myasterio.com/')).toEqual({
      kmlcode: 'le-bistrot-12',
      identifier: 'LE_BISTROT_GENERICDATA',
    });
    expect(deriveFromDomain('https://www.example.com')).toBeNull();
    expect(deriveFromDomain('::::')).toBeNull();
  });

  it('validates with French messages, https only, SID by default', () => {
    const ok = asterioCredentialsSchema.parse({ ...valid, domain: 'https://monresto-70001.myasterio.com/' });
    expect(ok).toEqual({ ...valid, siteCode: 'SID' });
    const http = asterioCredentialsSchema.safeParse({
      ...valid,
      domain: 'http://monresto-70001.myasterio.com',
    });
    expect(http.success).toBe(false);
    expect(http.error?.issues[0]?.message).toMatch(/https/);
    const kml = asterioCredentialsSchema.safeParse({ ...valid, kmlcode: 'monresto' });
    expect(kml.error?.issues[0]).toMatchObject({
      path: ['kmlcode'],
      message: expect.stringMatching(/kmlcode/) as unknown,
    });
    const empty = asterioCredentialsSchema.safeParse({ ...valid, password: '' });
    expect(empty.error?.issues[0]?.message).toBe('Le mot de passe est requis.');
  });

  it('the connector accepts an http loopback domain only with allowInsecureLocalhost', () => {
    const local = { ...valid, siteCode: 'SID', domain: 'http://127.0.0.1:4010' };
    expect(() => createTillConnector('asterio', local)).toThrow(TillError);
    expect(() => createTillConnector('asterio', local, { allowInsecureLocalhost: true })).not.toThrow();
    expect(() =>
      createTillConnector(
        'asterio',
        { ...local, domain: 'http://localhost:4010' },
        { allowInsecureLocalhost: true },
      ),
    ).not.toThrow();
    const remote = { ...local, domain: 'http://monresto-70001.myasterio.com' };
    expect(() => createTillConnector('asterio', remote, { allowInsecureLocalhost: true })).toThrow(/https/);
  });

  it('a bad field maps to the code the settings page shows', () => {
    const codeOf = (patch: Partial<typeof valid> & { siteCode?: string }): string | undefined => {
      try {
        createTillConnector('asterio', { siteCode: 'SID', ...valid, ...patch });
      } catch (e) {
        return e instanceof TillError ? e.code : 'not a TillError';
      }
      return undefined;
    };
    expect(codeOf({})).toBeUndefined();
    expect(codeOf({ domain: 'ftp://x' })).toBe('unreachable');
    expect(codeOf({ kmlcode: 'Mon Resto' })).toBe('unknown_site');
    expect(codeOf({ siteCode: 'S I D' })).toBe('unknown_site');
    expect(codeOf({ identifier: ' ' })).toBe('auth_refused');
  });
});
