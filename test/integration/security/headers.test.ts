import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, type TestApp } from '../../helpers/client.ts';

// Security headers over real HTTP (issue 10, 9): a CSP without inline scripts, no framing, no sniffing.
describe('security headers', () => {
  let db: TestDatabase;
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    t = await createTestApp(db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const directives = (csp: string | null) =>
    new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );

  it.each(['/api/health', '/api/auth/me', '/api/nowhere'])(
    '%s carries CSP, nosniff and no framing',
    async (url) => {
      const res = await fetch(`${base}${url}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
      expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    },
  );

  it('API docs get inline styles only, and still no inline script', async () => {
    const res = await fetch(`${base}/api/docs/static/index.html`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
