import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { ticketLinesCsv, twoWeeks, windows1252 } from '../helpers/salesFiles.ts';

type Preview = {
  shape: { format: string; encoding: string; separator: string; headers: string[] };
  mapping: Record<string, string>;
  missing: string[];
  read: null | {
    lines: number;
    first: { lineNo: number; label: string; quantity: number; amount: number; businessDay: string }[];
    bad: { lineNo: number; reason: string }[];
    badCount: number;
    warnings: { lineNo: number; reason: string }[];
    days: { day: string; lines: number; alreadyImported: boolean }[];
  };
};
type ImportResult = {
  lines: number;
  tillId: string;
  productsNew: number;
  days: { day: string; status: string; added: number; changed: number; removed: number }[];
  message: string;
};

describeOnBothDatabases('sales file import', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let est: string;
  const base = () => `/api/establishments/${est}/sales-files`;
  const send = (what: 'preview' | 'import', bytes: Buffer, settings?: unknown, fileName = 'ventes.csv') =>
    owner.request(
      'POST',
      `${base()}/${what}?fileName=${encodeURIComponent(fileName)}${
        settings ? `&settings=${encodeURIComponent(JSON.stringify(settings))}` : ''
      }`,
      bytes,
      { 'content-type': 'application/octet-stream' },
    );
  const lineCount = async () =>
    Number(
      (
        await db.db
          .selectFrom('sale_line')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('establishment_id', '=', est)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sales = twoWeeks();
  const file = windows1252(ticketLinesCsv(sales));

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T10:00:00Z');
    owner = new TestClient(t.app);
    await owner.signUp('patron@zinc.fr');
    est = await owner.createEstablishment('Le Petit Zinc');
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('detects Windows-1252, the semicolon and the header under a title line, and guesses the mapping', async () => {
    const res = await send('preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Preview>();
    expect(p.shape).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' });
    expect(p.shape.headers).toContain('Libellé');
    expect(p.mapping).toMatchObject({
      label: 'Libellé',
      quantity: 'Quantité',
      amountInclTax: 'Montant TTC',
      amountExclTax: 'Montant HT',
      date: 'Date',
      ticket: 'Ticket',
      productCode: 'Code article',
    });
    expect(p.missing).toEqual([]);
    expect(p.read?.lines).toBe(sales.length);
    expect(p.read?.badCount).toBe(0);
    expect(p.read?.first[0]).toMatchObject({
      label: 'Verre Côtes du Rhône Guigal 2022',
      quantity: 2,
      amount: 13,
    });
    expect(p.read?.days).toHaveLength(14);
    expect(p.read?.days.every((d) => !d.alreadyImported)).toBe(true);
    expect(await lineCount()).toBe(0);
  });

  it('lists every bad line with its number and reason, and flags amounts that do not add up', async () => {
    const text = ticketLinesCsv([
      { day: '2026-11-12', time: '20:00', ticket: 'A1', label: 'Pression 25cl', quantity: 2, unitCents: 450 },
      {
        day: '2026-11-12',
        time: '20:00',
        ticket: 'A1',
        label: 'Pression 25cl',
        quantity: 2,
        unitCents: 450,
        amountCents: 1500,
      },
    ])
      .replace(/\r\n$/, '\r\n31/02/2026 20:00;A2;;Faux jour;;1;1,00;1,00;0,83\r\n')
      .concat(
        '12/11/2026 20:00;A3;;Sans quantité;;beaucoup;1,00;1,00;0,83\r\n',
        'Total;;;;;4;;24,00;20,00\r\n',
      );
    const p = (await send('preview', Buffer.from(text))).json<Preview>();
    expect(p.shape.encoding).toBe('utf-8');
    expect(p.read?.lines).toBe(2);
    expect(p.read?.bad).toEqual([
      { lineNo: 5, reason: 'date : date impossible « 31/02/2026 20:00 »', raw: expect.any(Array) as unknown },
      { lineNo: 6, reason: 'quantité : nombre illisible « beaucoup »', raw: expect.any(Array) as unknown },
      { lineNo: 7, reason: 'ligne de total (ignorée)', raw: expect.any(Array) as unknown },
    ]);
    expect(p.read?.warnings.map((w) => [w.lineNo, w.reason])).toEqual([
      [4, 'montant incohérent : 2 × 4,50 € = 9,00 €, le fichier dit 15,00 €'],
    ]);
  });

  it('imports two weeks: products with and without a code, lines by business day, work list', async () => {
    const res = await send('import', file, {
      mapping: (await send('preview', file)).json<Preview>().mapping,
      presetName: 'Ma caisse',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<ImportResult>();
    expect(r.lines).toBe(sales.length);
    expect(r.productsNew).toBe(3);
    expect(r.days.every((d) => d.status === 'new')).toBe(true);
    expect(await lineCount()).toBe(sales.length);
    const products = await db.db
      .selectFrom('till_product')
      .select(['external_id', 'label', 'family'])
      .where('establishment_id', '=', est)
      .orderBy('external_id')
      .execute();
    expect(products).toEqual([
      { external_id: 'BTL-CHAB', label: 'BTL Chablis 1er Cru Fourchaume 2021', family: 'Vins blancs' },
      { external_id: 'PRESS', label: 'Pression 25cl', family: 'Bières' },
      {
        external_id: 'libelle:verre cotes du rhone guigal 2022',
        label: 'Verre Côtes du Rhône Guigal 2022',
        family: 'Vins au verre',
      },
    ]);
    const work = (await owner.get(`/api/establishments/${est}/till-products`)).json<{
      items: { label: string }[];
    }>();
    expect(work.items.map((i) => i.label).sort()).toContain('Verre Côtes du Rhône Guigal 2022');
    const presets = (await owner.get(`${base()}/presets`)).json<{
      items: { name: string; shipped: boolean }[];
    }>();
    expect(presets.items[0]).toMatchObject({ name: 'Ma caisse', shipped: false });
  });

  it('re-uploading the same file changes nothing, and says so', async () => {
    const before = await db.db
      .selectFrom('sale_line')
      .selectAll()
      .where('establishment_id', '=', est)
      .execute();
    const p = (await send('preview', file)).json<Preview>();
    expect(p.mapping.label).toBe('Libellé'); // the saved preset is proposed first
    expect(p.read?.days.every((d) => d.alreadyImported)).toBe(true);
    const r = (await send('import', file, { mapping: p.mapping })).json<ImportResult>();
    expect(r.days.every((d) => d.status === 'unchanged')).toBe(true);
    expect(r.message).toContain('rien n’a changé');
    const after = await db.db
      .selectFrom('sale_line')
      .selectAll()
      .where('establishment_id', '=', est)
      .execute();
    const key = (l: { ticket_id: string; line_id: string }) => `${l.ticket_id}/${l.line_id}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(
      after.every((l) => before.some((b) => key(b) === key(l) && b.import_run_id === l.import_run_id)),
    ).toBe(true);
  });

  it('a day uploaded again is replaced exactly, other days untouched', async () => {
    const day = '2026-11-15';
    const corrected = sales
      .filter((s) => s.day === day && !(s.ticket?.endsWith('-1') && s.code === 'PRESS'))
      .map((s) => (s.ticket?.endsWith('-2') && s.code === 'PRESS' ? { ...s, quantity: 4 } : s));
    const p = (await send('preview', windows1252(ticketLinesCsv(corrected)))).json<Preview>();
    expect(p.read?.days).toEqual([{ day, lines: corrected.length, alreadyImported: true }]);
    const r = (
      await send('import', windows1252(ticketLinesCsv(corrected)), { mapping: p.mapping })
    ).json<ImportResult>();
    expect(r.days).toEqual([
      expect.objectContaining({ day, status: 'replaced', added: 0, changed: 1, removed: 1 }),
    ]);
    expect(r.message).toContain('15/11/2026');
    expect(await lineCount()).toBe(sales.length - 1);
    const pressOnDay = await db.db
      .selectFrom('sale_line')
      .select((eb) => eb.fn.sum<number>('quantity').as('q'))
      .where('establishment_id', '=', est)
      .where('business_day', '=', day)
      .where('label', '=', 'Pression 25cl')
      .executeTakeFirstOrThrow();
    expect(Number(pressOnDay.q)).toBe(3 * 6 - 3 - 3 + 4);
  });

  it('links a product: sales after the drink was counted leave its stock, revenue is the file’s', async () => {
    const drink = await owner.post(`/api/establishments/${est}/drinks`, {
      producer: 'William Fèvre',
      cuvee: 'Fourchaume',
      region: 'Bourgogne',
    });
    expect(drink.statusCode, drink.body).toBe(201);
    const drinkId = drink.json<{ id: string }>().id;
    const count = await owner.post(`/api/establishments/${est}/counts`, {
      counts: [{ drinkId, quantity: 60 }],
    });
    expect(count.statusCode, count.body).toBeLessThan(300);
    const product = await db.db
      .selectFrom('till_product')
      .select('id')
      .where('establishment_id', '=', est)
      .where('external_id', '=', 'BTL-CHAB')
      .executeTakeFirstOrThrow();
    const link = await owner.post(`/api/establishments/${est}/till-products/${product.id}/link`, {
      target: { kind: 'drink', drinkId },
      factor: 1,
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    const stock = async () =>
      (await owner.get(`/api/establishments/${est}/drinks/${drinkId}`)).json<{ stock: number }>().stock;
    // Two weeks of history before the drink was counted do not move its stock (DESIGN §4).
    expect(await stock()).toBe(60);
    const next = twoWeeks('2026-11-28', 1);
    const p = (await send('preview', windows1252(ticketLinesCsv(next)))).json<Preview>();
    expect((await send('import', windows1252(ticketLinesCsv(next)), { mapping: p.mapping })).statusCode).toBe(
      201,
    );
    const chablisNext = next.filter((s) => s.code === 'BTL-CHAB').length;
    expect(await stock()).toBe(60 - chablisNext);
    const chablis = [...sales, ...next].filter((s) => s.code === 'BTL-CHAB').length - 0;
    const ventes = (
      await owner.get(`/api/establishments/${est}/drinks/${drinkId}/sales?from=2026-11-01&to=2026-11-30`)
    ).json<{ totals: { quantity: number; revenueCents: number } }>();
    expect(ventes.totals).toMatchObject({ quantity: chablis, revenueCents: chablis * 5800 });
  });

  it('refuses what is not a sales export, writing nothing', async () => {
    const before = await lineCount();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r1 = await send('preview', png);
    expect(r1.statusCode).toBe(400);
    expect(r1.json<{ error: { message: string } }>().error.message).toContain('pas un export de ventes');
    const prose = Buffer.from('Cher client,\nvoici notre carte des vins.\n');
    const r2 = await send('import', prose, {
      mapping: { label: 'Libellé', quantity: 'Qté', amountInclTax: 'TTC', date: 'Date' },
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json<{ error: { message: string } }>().error.message).toContain(
      'ne ressemble pas à un export de ventes',
    );
    const r3 = await send('import', Buffer.alloc(0), {});
    expect(r3.statusCode).toBe(400);
    expect(await lineCount()).toBe(before);
  });
});
