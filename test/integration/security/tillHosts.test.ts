import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';
import type { Resolver } from '../../../src/tills/network/guardedLookup.ts';
import { saveTill, testTill } from '../../helpers/tills.ts';

// SSRF from the till settings (issue 10, 3–4): internal hosts in every form, DNS rebinding, remote bodies and
// socket errors in answers, parallel tests, and the stored password following a new domain.

type Answer = { test: { ok: boolean; code?: string; message?: string; detail?: unknown } };
const creds = { kmlcode: 'monresto-70001', identifier: 'MONRESTO_GENERICDATA', password: 'secret-de-caisse' };

/** A TCP listener on loopback that counts every connection: proof that nothing reached it. */
async function countingListener(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let n = 0;
  const server = net.createServer((socket) => {
    n += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => n,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fake Astério that answers `site` and `products`, or holds every request until released, or answers 418. */
async function fakeTill() {
  let mode: 'ok' | 'hold' | 'teapot' = 'ok';
  const held: (() => void)[] = [];
  const seen: { auth: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ auth: req.headers.authorization });
    const answer = () => {
      if (mode === 'teapot') return res.writeHead(418).end('PAGE-INTERNE-CONFIDENTIELLE');
      const body = (req.url ?? '').split('?')[0]?.endsWith('/site')
        ? { site: { code: 'SID', name: 'Le Faux Zinc' } }
        : { page: 1, pageCount: 1, nextPage: null, items: [], total: 0 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (mode === 'hold') held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    seen,
    held,
    setMode: (m: typeof mode) => (mode = m),
    release: () => held.splice(0).forEach((answer) => answer()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('till hosts: SSRF guard (switch off, as in production)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let path: string;
  let listener: Awaited<ReturnType<typeof countingListener>>;
  const dns = new Map<string, string[]>();
  const resolver: Resolver = (host) => {
    const next = dns.get(host);
    if (!next || next.length === 0)
      return Promise.reject(Object.assign(new Error('inconnu'), { code: 'ENOTFOUND' }));
    const address = next.length > 1 ? (next.shift() as string) : (next[0] as string);
    return Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);
  };

  beforeAll(async () => {
    listener = await countingListener();
    db = await createTestDatabase('pglite');
    // The operator widened the hosts to one port (CELLIER_TILL_DOMAINS) so that rebinding can be played against
    // a loopback listener; the local-till switch is off, as in production.
    t = await createTestApp(db, undefined, {
      devLocalTills: false,
      extraTillDomains: [`*.myasterio.com:${listener.port}`],
      connectorOptions: { resolver },
    });
    owner = new TestClient(t.app);
    await owner.signUp('patron@resto.fr');
    path = `/api/establishments/${await owner.createEstablishment('Le Comptoir')}`;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
    await listener.close();
  });

  const forms = (port: number) => [
    `https://127.0.0.1:${port}`,
    `https://localhost:${port}`,
    `https://[::1]:${port}`,
    `https://0.0.0.0:${port}`,
    `https://2130706433:${port}`,
    `https://0x7f000001:${port}`,
    `https://127.1:${port}`,
    `https://0177.0.0.1:${port}`,
    `https://[::ffff:127.0.0.1]:${port}`,
    `https://[0:0:0:0:0:ffff:7f00:1]:${port}`,
    `http://127.0.0.1:${port}`,
    'https://10.0.0.1',
    'https://192.168.1.1',
    'https://172.16.0.1',
    'https://100.64.0.1',
    'https://169.254.169.254',
    'https://[fe80::1]',
    'https://[fc00::1]',
    'https://224.0.0.1',
    'https://255.255.255.255',
    'https://192.0.2.1',
    'https://[2002:7f00:1::1]',
    'https://intranet.example.fr',
    'https://monresto-70001.myasterio.com:22',
    'http://monresto-70001.myasterio.com',
  ];

  it('refuses loopback, private, link-local, multicast and reserved hosts in every textual form', async () => {
    for (const domain of forms(listener.port)) {
      const res = await saveTill(owner, path, { ...creds, domain });
      expect(res.statusCode, `${domain}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'validation_failed', fields: [{ field: 'body.domain' }] },
      });
    }
    expect(listener.connections()).toBe(0);
    expect((await owner.get(`${path}/tills`)).json()).toEqual({ tills: [] });
  });

  it('refuses a name that resolves to an internal address when saving', async () => {
    dns.set('intranet-70001.myasterio.com', ['10.1.2.3']);
    const res = await saveTill(owner, path, { ...creds, domain: 'https://intranet-70001.myasterio.com' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/adresse interne/);
  });

  it('pins the checked address: a DNS answer that turns to 127.0.0.1 at connection time never connects', async () => {
    dns.set('rebind-70001.myasterio.com', ['93.184.216.34', '127.0.0.1']);
    const res = await saveTill(owner, path, {
      ...creds,
      domain: `https://rebind-70001.myasterio.com:${listener.port}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<Answer>();
    expect(answer.test).toMatchObject({ ok: false, code: 'unreachable' });
    expect(answer.test.message).toMatch(/adresse interne/);
    expect(answer.test).not.toHaveProperty('detail');
    expect(listener.connections()).toBe(0);
    const again = await testTill(owner, path);
    expect(again.json<Answer>().test).toMatchObject({ ok: false, code: 'unreachable' });
    expect(listener.connections()).toBe(0);
  });
});

describe('till settings: answers, limits, owners and the stored password', () => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let manager: TestClient;
  let path: string;
  let till: Awaited<ReturnType<typeof fakeTill>>;
  let other: Awaited<ReturnType<typeof fakeTill>>;

  beforeAll(async () => {
    till = await fakeTill();
    other = await fakeTill();
    db = await createTestDatabase('pglite');
    t = await createTestApp(db); // the development switch is on: the fake tills live on 127.0.0.1
    owner = new TestClient(t.app);
    await owner.signUp('patron@resto.fr');
    const id = await owner.createEstablishment('Le Comptoir');
    path = `/api/establishments/${id}`;
    manager = new TestClient(t.app);
    await owner.post(`/api/establishments/${id}/members`, { email: 'gerant@resto.fr', role: 'manager' });
    await manager.signUp('gerant@resto.fr');
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
    await till.close();
    await other.close();
  });

  it('saves and tests the fake till', async () => {
    const res = await saveTill(owner, path, { ...creds, domain: till.url });
    expect(res.json<Answer>().test, res.body).toMatchObject({ ok: true });
  });

  it('never returns the remote body, a status line or a socket error code', async () => {
    till.setMode('teapot');
    const teapot = await testTill(owner, path);
    expect(teapot.json<Answer>().test).toMatchObject({ ok: false, code: 'unexpected_response' });
    expect(teapot.body).not.toContain('PAGE-INTERNE');
    expect(JSON.stringify(teapot.json<Answer>().test)).not.toMatch(/418|detail/);
    till.setMode('ok');
    const closed = await countingListener();
    await closed.close();
    const refused = await saveTill(owner, path, { ...creds, domain: `http://127.0.0.1:${closed.port}` });
    expect(refused.json<Answer>().test).toMatchObject({ ok: false, code: 'unreachable' });
    expect(JSON.stringify(refused.json<Answer>().test)).not.toMatch(/ECONN|UND_ERR|detail/);
    expect(refused.json<Answer>().test.message).toMatch(/injoignable/);
  });

  it('asks for the password again before sending it to a new domain, kmlcode, site or identifier', async () => {
    await saveTill(owner, path, { ...creds, domain: till.url });
    const before = other.seen.length;
    for (const change of [
      { domain: other.url },
      { kmlcode: 'autre-70002' },
      { siteCode: 'AUTRE' },
      { identifier: 'AUTRE_GENERICDATA' },
    ]) {
      const { password: _p, ...rest } = { ...creds, domain: till.url, ...change };
      const res = await saveTill(owner, path, rest);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json()).toMatchObject({ error: { fields: [{ field: 'body.password' }] } });
    }
    expect(other.seen.length).toBe(before);
    const { password: _p, ...same } = { ...creds, domain: till.url };
    expect((await saveTill(owner, path, same)).statusCode).toBe(200);
    const retyped = await saveTill(owner, path, { ...creds, domain: other.url, password: 'nouveau-secret' });
    expect(retyped.json<Answer>().test).toMatchObject({ ok: true });
    expect(other.seen.at(-1)?.auth).toBe(
      `Basic ${Buffer.from('MONRESTO_GENERICDATA:nouveau-secret').toString('base64')}`,
    );
  });

  it('lets only owners see, change or test the till settings', async () => {
    expect((await manager.get(`${path}/tills`)).statusCode).toBe(403);
    expect((await saveTill(manager, path, { ...creds, domain: till.url })).statusCode).toBe(403);
    expect((await testTill(manager, path)).statusCode).toBe(403);
  });

  it('runs at most two connection tests at once per establishment', async () => {
    await saveTill(owner, path, { ...creds, domain: till.url });
    till.setMode('hold');
    const seen = till.seen.length;
    const first = testTill(owner, path);
    const second = testTill(owner, path);
    while (till.seen.length < seen + 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const third = await testTill(owner, path);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'rate_limited' } });
    till.setMode('ok');
    till.release();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    expect((await testTill(owner, path)).statusCode).toBe(200);
  });
});
