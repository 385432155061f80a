import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Bad input gets a clear 400, never a 500 nor silently wrong data (issue 10, 7). The app clock is
// 2026-11-27T10:00Z, ten days behind the machine's: future dates are judged by the app clock.
describeOnBothDatabases('input validation', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let E: string;
  let drinkId: string;
  const NUL = '\u0000';
  const LONE = '\ud800';
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T10:00:00Z');
    owner = new TestClient(t.app);
    await owner.signUp('patron@resto.fr');
    const id = await owner.createEstablishment('Le Zinc');
    E = `/api/establishments/${id}`;
    const res = await owner.post(`${E}/drinks`, { producer: 'Domaine Test', formatCl: 75 });
    expect(res.statusCode).toBe(201);
    drinkId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const expectInvalidText = (res: { statusCode: number; json: () => unknown }, field: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'invalid_text',
        message: expect.stringMatching(/Texte invalide/) as unknown,
        fields: [{ field }],
      },
    });
  };
  const expectInvalid = (res: { statusCode: number; json: () => unknown }, message: RegExp) => {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', message } });
  };

  describe('text', () => {
    it('refuses a NUL byte in a JSON body', async () => {
      expectInvalidText(await owner.post('/api/establishments', { name: `Bar${NUL}` }), 'body.name');
      expectInvalidText(
        await owner.post(`${E}/drinks`, { producer: 'X', grapes: ['Syrah', `Gre${NUL}`] }),
        'body.grapes.1',
      );
    });

    it('refuses a lone surrogate in a JSON body, written as an escape', async () => {
      const raw = '{"name":"Caf\\ud800"}';
      const res = await owner.request('POST', '/api/establishments', raw, {
        'content-type': 'application/json',
      });
      expectInvalidText(res, 'body.name');
      const low = await owner.request('POST', '/api/establishments', '{"name":"\\udc00x"}', {
        'content-type': 'application/json',
      });
      expectInvalidText(low, 'body.name');
    });

    it('accepts a paired surrogate (an emoji)', async () => {
      const res = await owner.post('/api/establishments', { name: 'Bar 🍷' });
      expect(res.statusCode).toBe(201);
    });

    it('refuses a NUL or a lone surrogate in an object key', async () => {
      const res = await owner.post(`${E}/drinks`, { producer: 'X', [`k${NUL}`]: 1 });
      expectInvalidText(res, 'body');
      const lone = await owner.post(`${E}/drinks`, { producer: 'X', [LONE]: 1 });
      expectInvalidText(lone, 'body');
    });

    it('refuses a NUL in a query string, also on public routes', async () => {
      expectInvalidText(await owner.get(`${E}/drinks?q=a%00b`), 'query.q');
      expectInvalidText(await owner.get(`${E}/drinks?region=%00`), 'query.region');
      expectInvalidText(await owner.get(`/api/appellations?q=%00`), 'query.q');
    });

    it('refuses a NUL in a path parameter', async () => {
      expectInvalidText(await owner.delete(`${E}/sales-files/presets/a%00b`), 'params.name');
      expect((await owner.get('/api/establishments/%00/drinks')).statusCode).toBe(400);
    });

    it('never answers 500 to badly encoded percent escapes in the query', async () => {
      for (const q of ['%ED%A0%80', '%C0%80', '%FF', '%', '%u0000', '%E2%82'])
        expect((await owner.get(`${E}/drinks?q=${q}`)).statusCode).toBeLessThan(500);
    });

    it('refuses a NUL hidden in the JSON settings of a sales file', async () => {
      const settings = encodeURIComponent(JSON.stringify({ tillName: `Caisse${NUL}` }));
      const res = await owner.request('POST', `${E}/sales-files/preview?settings=${settings}`, 'a;b\n1;2\n', {
        'content-type': 'text/csv',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { message: expect.stringMatching(/Texte invalide/) as unknown },
      });
    });

    it('refuses a sales-file day before 1900 given in the settings', async () => {
      const settings = encodeURIComponent(JSON.stringify({ day: '0000-01-01' }));
      const res = await owner.request('POST', `${E}/sales-files/preview?settings=${settings}`, 'a;b\n1;2\n', {
        'content-type': 'text/csv',
      });
      expectInvalid(res, /1900/);
    });

    it('has written nothing for the refused requests', async () => {
      const names = await db.db.selectFrom('establishment').select('name').execute();
      expect(names.map((n) => n.name).sort()).toEqual(['Bar 🍷', 'Le Zinc']);
    });
  });

  describe('dates', () => {
    const movement = (occurredAt: string) =>
      owner.post(`${E}/drinks/${drinkId}/movements`, { kind: 'receipt', quantity: 6, occurredAt });

    it('refuses year 0 and dates before 1900', async () => {
      expectInvalid(await movement('0000-01-01T00:00:00Z'), /1900/);
      expectInvalid(await movement('1899-12-31T23:59:59Z'), /1900/);
      expectInvalid(await owner.get(`${E}/reports/bev-cost?from=0000-01-01&to=2026-11-01`), /1900/);
      expectInvalid(await owner.post(`${E}/imports`, { from: '0000-01-01', to: '0000-01-02' }), /1900/);
    });

    it('refuses a movement, a count or a receipt dated more than a day after the app clock', async () => {
      // 2026-12-01 is past for the machine, four days ahead for the app.
      expectInvalid(await movement('2026-12-01T00:00:00Z'), /futur/);
      expectInvalid(await movement('2999-01-01T00:00:00Z'), /futur/);
      const counts = await owner.post(`${E}/counts`, {
        counts: [{ drinkId, quantity: 3 }],
        occurredAt: '2999-01-01T00:00:00Z',
      });
      expectInvalid(counts, /futur/);
      const session = await owner.post(`${E}/count-sessions`, {
        cutoffAt: '2999-01-01T00:00:00Z',
        scope: { kind: 'all' },
      });
      expectInvalid(session, /futur/);
      expectInvalid(await owner.get(`${E}/reports/bev-cost?from=2026-01-01&to=2999-01-01`), /futur/);
    });

    it('accepts up to a day ahead (time zones), and the stock is not frozen by a refused count', async () => {
      expect((await movement('2026-11-28T09:00:00Z')).statusCode).toBe(201);
      const list = await owner.get(`${E}/drinks`);
      expect(list.json<{ items: { stock: number }[] }>().items[0]?.stock).toBe(6);
    });
  });

  describe('numbers', () => {
    it('refuses a format that would be stored as 0 cl, or with more decimals than the column', async () => {
      expectInvalid(await owner.post(`${E}/drinks`, { producer: 'X', formatCl: 1e-9 }), /Format/);
      expectInvalid(await owner.post(`${E}/drinks`, { producer: 'X', formatCl: 0.004 }), /Format/);
      expectInvalid(await owner.post(`${E}/drinks`, { producer: 'X', formatCl: 75.005 }), /Format/);
      expect((await owner.post(`${E}/drinks`, { producer: 'Y', formatCl: 37.5 })).statusCode).toBe(201);
    });

    it('refuses a quantity or a price too small for the column (it would round to 0)', async () => {
      const q = await owner.post(`${E}/drinks/${drinkId}/movements`, { kind: 'receipt', quantity: 1e-10 });
      expectInvalid(q, /décimales/);
      const loss = await owner.post(`${E}/drinks/${drinkId}/movements`, { kind: 'loss', quantity: 1e-9 });
      expectInvalid(loss, /décimales/);
      const price = await owner.post(`${E}/drinks/${drinkId}/movements`, {
        kind: 'receipt',
        quantity: 1,
        unitPrice: 1e-9,
      });
      expectInvalid(price, /décimales/);
    });

    it('refuses a link factor or a library format that would be stored as 0', async () => {
      const product = '00000000-0000-4000-8000-000000000000';
      const factor = await owner.post(`${E}/till-products/${product}/link`, {
        target: { kind: 'drink', drinkId },
        factor: 1e-9,
      });
      expectInvalid(factor, /Facteur/);
      const format = await owner.post(`${E}/till-products/${product}/link`, {
        target: { kind: 'library', libraryEntryId: 'x', vintage: null, formatCl: 1e-9 },
      });
      expectInvalid(format, /Format/);
    });

    it('refuses an amount past the column, and Infinity-like numbers in the query', async () => {
      expectInvalid(await owner.post(`${E}/drinks`, { producer: 'X', salePrice: 1e12 }), /Montant/);
      expect((await owner.get(`${E}/drinks?page=1e400`)).statusCode).toBe(400);
    });
  });
  describe('found by the fuzz test', () => {
    it('refuses a sales file sent as JSON instead of its bytes', async () => {
      for (const step of ['preview', 'import']) {
        const res = await owner.post(`${E}/sales-files/${step}`, { csv: 'a;b' });
        expectInvalid(res, /pas du JSON/);
      }
    });

    it('refuses an empty change of a variance reason', async () => {
      const res = await owner.patch(`${E}/variance-reasons/00000000-0000-4000-8000-000000000000`, {});
      expectInvalid(res, /Rien à modifier/);
    });
  });
});
