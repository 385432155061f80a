import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { COUNT_CASES, countSnapshot, createCountFixtures } from '../helpers/tenantCounts.ts';

/**
 * Every route that takes an establishment id, called by a member of A with B's ids, must answer 404 and leave B
 * untouched. The case list must cover the app's route table: a new route without a case fails this test.
 */
type Ids = {
  establishmentId: string;
  drinkId: string;
  tillProductId: string;
  tillId: string;
  wineListId: string;
  accountId: string;
  sessionId: string;
  reasonId: string;
};
type Case = { body?: (ids: Ids) => unknown; headers?: Record<string, string> };
const csvUpload: Case = {
  body: () => Buffer.from('Date;Libellé;Quantité;Montant TTC\n12/11/2026;Intrus;1;5,00\n'),
  headers: { 'content-type': 'application/octet-stream' },
};

const CASES: Record<string, Case> = {
  'GET /api/establishments/:establishmentId': {},
  'PATCH /api/establishments/:establishmentId': { body: () => ({ name: 'Piraté' }) },
  'GET /api/establishments/:establishmentId/members': {},
  'POST /api/establishments/:establishmentId/members': {
    body: () => ({ email: 'intrus@example.fr', role: 'owner' }),
  },
  'PATCH /api/establishments/:establishmentId/members/:accountId': { body: () => ({ role: 'staff' }) },
  'GET /api/establishments/:establishmentId/drinks': {},
  'POST /api/establishments/:establishmentId/drinks': { body: () => ({ producer: 'Intrus' }) },
  'GET /api/establishments/:establishmentId/drinks/:drinkId': {},
  'PUT /api/establishments/:establishmentId/drinks/:drinkId': { body: () => ({ producer: 'Piraté' }) },
  'POST /api/establishments/:establishmentId/drinks/:drinkId/archive': { body: () => ({ archived: true }) },
  'GET /api/establishments/:establishmentId/drinks/:drinkId/movements': {},
  'POST /api/establishments/:establishmentId/drinks/:drinkId/movements': {
    body: () => ({ kind: 'loss', quantity: 5 }),
  },
  'POST /api/establishments/:establishmentId/counts': {
    body: (ids) => ({ counts: [{ drinkId: ids.drinkId, quantity: 0 }] }),
  },
  'GET /api/establishments/:establishmentId/regions': {},
  'GET /api/establishments/:establishmentId/tills': {},
  'POST /api/establishments/:establishmentId/tills': {
    body: () => ({
      name: 'Pirate',
      domain: 'https://pirate-70001.myasterio.com',
      kmlcode: 'pirate-70001',
      identifier: 'PIRATE_GENERICDATA',
      password: 'x',
    }),
  },
  'PUT /api/establishments/:establishmentId/tills/:tillId': {
    body: () => ({
      name: 'Pirate',
      domain: 'https://pirate-70001.myasterio.com',
      kmlcode: 'pirate-70001',
      identifier: 'PIRATE_GENERICDATA',
      password: 'x',
    }),
  },
  'POST /api/establishments/:establishmentId/tills/:tillId/test': {},
  'DELETE /api/establishments/:establishmentId/tills/:tillId': {},
  'GET /api/establishments/:establishmentId/imports': {},
  'POST /api/establishments/:establishmentId/imports': {
    body: (ids) => ({ from: '2026-11-20', to: '2026-11-21', tillId: ids.tillId }),
  },
  'GET /api/establishments/:establishmentId/till-products': {},
  'GET /api/establishments/:establishmentId/till-products/:tillProductId/proposal': {},
  'POST /api/establishments/:establishmentId/till-products/:tillProductId/link': {
    body: (ids) => ({ target: { kind: 'drink', drinkId: ids.drinkId }, factor: 1 }),
  },
  'DELETE /api/establishments/:establishmentId/till-products/:tillProductId/link': {},
  'PATCH /api/establishments/:establishmentId/till-products/:tillProductId/link': {
    body: () => ({ factor: 0.5 }),
  },
  'POST /api/establishments/:establishmentId/till-products/:tillProductId/ignore': {
    body: () => ({ ignored: true }),
  },
  'POST /api/establishments/:establishmentId/till-products/ignore-family': {
    body: () => ({ family: 'VINS ROUGES', ignored: true }),
  },
  'GET /api/establishments/:establishmentId/till-products/safe-proposals': {},
  'GET /api/establishments/:establishmentId/till-products/not-drinks': {},
  'POST /api/establishments/:establishmentId/till-products/ignore-many': {
    body: (ids) => ({ tillProductIds: [ids.tillProductId] }),
  },
  'POST /api/establishments/:establishmentId/till-products/safe-proposals': {
    body: (ids) => ({ tillProductIds: [ids.tillProductId] }),
  },
  'GET /api/establishments/:establishmentId/drinks/:drinkId/sales': {},
  'GET /api/establishments/:establishmentId/library/search': {},
  'POST /api/establishments/:establishmentId/match': {
    body: (ids) => ({ label: 'BTL CHEZ B VIN', tillId: ids.tillId }),
  },
  'POST /api/establishments/:establishmentId/library/import': {
    body: () => ({ csv: 'p\nIntrus', mapping: { producer: 'p' } }),
  },
  'GET /api/establishments/:establishmentId/wine-lists': {},
  'POST /api/establishments/:establishmentId/wine-lists': { body: () => ({ name: 'Pirate' }) },
  'GET /api/establishments/:establishmentId/wine-lists/:wineListId': {},
  'PATCH /api/establishments/:establishmentId/wine-lists/:wineListId': { body: () => ({ published: false }) },
  'DELETE /api/establishments/:establishmentId/wine-lists/:wineListId': {},
  'PUT /api/establishments/:establishmentId/wine-lists/:wineListId/items/:drinkId': {
    body: () => ({ note: 'Piraté' }),
  },
  'DELETE /api/establishments/:establishmentId/wine-lists/:wineListId/items/:drinkId': {},
  'PUT /api/establishments/:establishmentId/wine-lists/:wineListId/order': {
    body: () => ({ order: 'default' }),
  },
  'PUT /api/establishments/:establishmentId/wine-lists/:wineListId/logo': {
    body: () => ({ image: Buffer.from('not an image').toString('base64') }),
  },
  'DELETE /api/establishments/:establishmentId/wine-lists/:wineListId/logo': {},
  'GET /api/establishments/:establishmentId/sales-files': {},
  'POST /api/establishments/:establishmentId/sales-files/preview': csvUpload,
  'POST /api/establishments/:establishmentId/sales-files/import': csvUpload,
  'GET /api/establishments/:establishmentId/sales-files/presets': {},
  'PUT /api/establishments/:establishmentId/sales-files/presets/:name': {
    body: () => ({ mapping: { label: 'Libellé' } }),
  },
  'DELETE /api/establishments/:establishmentId/sales-files/presets/:name': {},
  ...COUNT_CASES,
};

describeOnBothDatabases('tenant isolation', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let alice: TestClient;
  let b: Ids;
  let a: Ids;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    const setup = async (email: string, name: string): Promise<[TestClient, Ids]> => {
      const client = new TestClient(t.app);
      const account = await client.signUp(email);
      const establishmentId = await client.createEstablishment(name);
      const drink = await client.post(`/api/establishments/${establishmentId}/drinks`, {
        producer: `${name} vin`,
        region: 'Loire',
      });
      const drinkId = drink.json<{ id: string }>().id;
      await client.post(`/api/establishments/${establishmentId}/drinks/${drinkId}/movements`, {
        kind: 'receipt',
        quantity: 6,
      });
      const till = await db.db
        .insertInto('till_connection')
        .values({
          establishment_id: establishmentId,
          till_type: 'asterio',
          domain: 'https://x-70001.myasterio.com',
          kmlcode: 'x-70001',
          site_code: 'SID',
          identifier: 'X',
          password_encrypted: 'v1:x:y:z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const product = await db.db
        .insertInto('till_product')
        .values({
          establishment_id: establishmentId,
          till_id: till.id,
          external_id: 'P1',
          label: `BTL ${name}`,
          family: 'VINS ROUGES',
          vat_rate: 20,
          price_cents: 3000,
          first_seen_on: '2026-11-01',
          last_seen_on: '2026-11-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db
        .insertInto('till_link')
        .values({
          establishment_id: establishmentId,
          till_product_id: product.id,
          drink_id: drinkId,
          factor: 1,
          linked_by: null,
        })
        .execute();
      const list = await client.post(`/api/establishments/${establishmentId}/wine-lists`, { name: 'Carte' });
      const wineListId = list.json<{ id: string }>().id;
      await client.put(
        `/api/establishments/${establishmentId}/wine-lists/${wineListId}/items/${drinkId}`,
        {},
      );
      await client.patch(`/api/establishments/${establishmentId}/wine-lists/${wineListId}`, {
        published: true,
      });
      const counts = await createCountFixtures(client, establishmentId, drinkId);
      return [
        client,
        {
          establishmentId,
          drinkId,
          tillProductId: product.id,
          tillId: till.id,
          wineListId,
          accountId: account.id,
          ...counts,
        },
      ];
    };
    [alice, a] = await setup('alice@a.fr', 'Chez A');
    [, b] = await setup('bob@b.fr', 'Chez B');
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const snapshotOfB = async () => ({
    establishment: await db.db
      .selectFrom('establishment')
      .selectAll()
      .where('id', '=', b.establishmentId)
      .execute(),
    members: await db.db
      .selectFrom('membership')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    invitations: await db.db
      .selectFrom('invitation')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    drinks: await db.db
      .selectFrom('drink')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .orderBy('id')
      .execute(),
    till: await db.db
      .selectFrom('till_connection')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    products: await db.db
      .selectFrom('till_product')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    links: await db.db
      .selectFrom('till_link')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    library: await db.db
      .selectFrom('library_entry')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .orderBy('id')
      .execute(),
    runs: await db.db
      .selectFrom('import_run')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    wineLists: await db.db
      .selectFrom('wine_list')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    wineListItems: await db.db
      .selectFrom('wine_list_item')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    salesFileTills: await db.db
      .selectFrom('sales_file_till')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    salesFilePresets: await db.db
      .selectFrom('sales_file_preset')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    salesFileUploads: await db.db
      .selectFrom('sales_file_upload')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .execute(),
    movements: await db.db
      .selectFrom('stock_movement')
      .selectAll()
      .where('establishment_id', '=', b.establishmentId)
      .orderBy('seq')
      .execute(),
    ...(await countSnapshot(db.db, b.establishmentId)),
  });

  it('has a case for every establishment route', () => {
    const scoped = t.app.routeTable
      .filter((r) => r.url.includes(':establishmentId'))
      .map((r) => `${r.method} ${r.url}`);
    expect(scoped.filter((key) => !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !scoped.includes(key))).toEqual([]);
  });

  it.each(Object.entries(CASES))(
    '%s with the other establishment’s ids answers 404 and changes nothing',
    async (key, c) => {
      const [method, template] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const url = template
        .replace(':establishmentId', b.establishmentId)
        .replace(':drinkId', b.drinkId)
        .replace(':tillProductId', b.tillProductId)
        .replace(':tillId', b.tillId)
        .replace(':wineListId', b.wineListId)
        .replace(':name', 'Modele')
        .replace(':accountId', b.accountId)
        .replace(':sessionId', b.sessionId)
        .replace(':reasonId', b.reasonId);
      const before = await snapshotOfB();
      const res = await alice.request(method, url, c.body?.(b), c.headers);
      expect(res.statusCode, res.body).toBe(404);
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it('A’s drink under A’s establishment id is reachable, B’s drink under A’s id is not', async () => {
    expect((await alice.get(`/api/establishments/${a.establishmentId}/drinks/${a.drinkId}`)).statusCode).toBe(
      200,
    );
    expect((await alice.get(`/api/establishments/${a.establishmentId}/drinks/${b.drinkId}`)).statusCode).toBe(
      404,
    );
    const moved = await alice.post(`/api/establishments/${a.establishmentId}/drinks/${b.drinkId}/movements`, {
      kind: 'loss',
      quantity: 1,
    });
    expect(moved.statusCode).toBe(404);
    const counted = await alice.post(`/api/establishments/${a.establishmentId}/counts`, {
      counts: [{ drinkId: b.drinkId, quantity: 0 }],
    });
    expect(counted.statusCode).toBe(404);
  });

  it('B’s till under A’s establishment id is out of reach: no change, test, removal or import', async () => {
    const base = `/api/establishments/${a.establishmentId}/tills/${b.tillId}`;
    const before = await snapshotOfB();
    const update = await alice.put(base, {
      name: 'Piratée',
      domain: 'https://pirate-70001.myasterio.com',
      kmlcode: 'pirate-70001',
      identifier: 'PIRATE_GENERICDATA',
      password: 'x',
    });
    expect(update.statusCode, update.body).toBe(404);
    expect((await alice.post(`${base}/test`)).statusCode).toBe(404);
    expect((await alice.delete(base)).statusCode).toBe(404);
    const imports = await alice.post(`/api/establishments/${a.establishmentId}/imports`, {
      tillId: b.tillId,
    });
    expect(imports.statusCode, imports.body).toBe(404);
    const listed = (await alice.get(`/api/establishments/${a.establishmentId}/tills`)).json<{
      tills: { id: string }[];
    }>();
    expect(listed.tills.map((t) => t.id)).toEqual([a.tillId]);
    expect(await snapshotOfB()).toEqual(before);
  });

  it('lists and searches only the member’s own establishments and drinks', async () => {
    const list = (await alice.get('/api/establishments')).json<{ items: { id: string }[] }>();
    expect(list.items.map((e) => e.id)).toEqual([a.establishmentId]);
    const drinks = (await alice.get(`/api/establishments/${a.establishmentId}/drinks?q=vin`)).json<{
      items: { producer: string }[];
    }>();
    expect(drinks.items.map((d) => d.producer)).toEqual(['Chez A vin']);
  });

  it('lets a staff member read but not manage the establishment', async () => {
    const staff = new TestClient(t.app);
    await staff.signUp('staff@a.fr');
    expect(
      (
        await alice.post(`/api/establishments/${a.establishmentId}/members`, {
          email: 'staff@a.fr',
          role: 'staff',
        })
      ).statusCode,
    ).toBe(201);
    // Pending until the account reads its session: inviting makes no member at once.
    expect((await staff.get(`/api/establishments/${a.establishmentId}/drinks`)).statusCode).toBe(404);
    await staff.readSession();
    expect((await staff.get(`/api/establishments/${a.establishmentId}/drinks`)).statusCode).toBe(200);
    expect(
      (await staff.patch(`/api/establishments/${a.establishmentId}`, { name: 'Renommé' })).statusCode,
    ).toBe(403);
    expect(
      (
        await staff.post(`/api/establishments/${a.establishmentId}/members`, {
          email: 'x@a.fr',
          role: 'staff',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('turns a pending invitation into a membership at sign-up', async () => {
    const res = await alice.post(`/api/establishments/${a.establishmentId}/members`, {
      email: 'New@A.fr',
      role: 'manager',
    });
    expect(res.json()).toMatchObject({ status: 'invited' });
    const newcomer = new TestClient(t.app);
    await newcomer.signUp('new@a.fr');
    const list = (await newcomer.get('/api/establishments')).json<{
      items: { id: string; role: string }[];
    }>();
    expect(list.items).toEqual([expect.objectContaining({ id: a.establishmentId, role: 'manager' })]);
  });
});
