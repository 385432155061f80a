import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Drink, LinkResult, MovementHistory } from '../../src/http/contract.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';

type WorkItem = { id: string; label: string; hasSales: boolean };
type Proposal = { best: { entry: { id: string }; vintage: number | null; formatCl: number } | null };

// Issue 9, defect 4 (DESIGN §4): a drink's stock starts at its base, the bottles on hand when it entered Cellier.
describeOnBothDatabases('stock starts at the base, over HTTP with weeks of till history', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let owner: TestClient;
  let base: string;
  let sold: WorkItem[];

  const importDays = async (from: string, to: string) => {
    expect((await owner.post(`${base}/imports`, { from, to })).statusCode).toBe(202);
    await t.imports.drain();
  };
  const drink = async (id: string) => (await owner.get(`${base}/drinks/${id}`)).json<Drink>();
  const movements = async (id: string) =>
    (await owner.get(`${base}/drinks/${id}/movements`)).json<MovementHistory>();
  /** Bottles the till sold of one product after an instant, straight from the stored sale lines. */
  const soldAfter = async (tillProductId: string, after: string) =>
    (
      await t.db.db
        .selectFrom('sale_line')
        .select('quantity')
        .where('till_product_id', '=', tillProductId)
        .where('sold_at', '>', new Date(after))
        .execute()
    ).reduce((s, r) => s + Number(r.quantity), 0);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T10:00:00Z');
    sim = createAsterioSimulator({ seed: 5, clock: t.clock });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('cave@bistrot.fr');
    base = `/api/establishments/${await owner.createEstablishment('Le Bistrot du Port')}`;
    expect((await owner.post(`${base}/tills`, sim.credentials('lepetitzinc-70001'))).statusCode).toBe(201);
    await importDays('2026-11-13', '2026-11-26'); // two weeks of history before any drink exists
    const list = await owner.get(`${base}/till-products?status=unlinked&sold=true&pageSize=200`);
    sold = list.json<{ items: WorkItem[] }>().items;
    expect(sold.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  it('Oui with 6 on hand: stock 6, not minus the history; later sales take bottles out; a break gives them back; a count sets a new base', async () => {
    let product: WorkItem | undefined;
    let proposal: Proposal | undefined;
    for (const item of sold) {
      const p = (await owner.get(`${base}/till-products/${item.id}/proposal`)).json<Proposal>();
      if (p.best) {
        [product, proposal] = [item, p];
        break;
      }
    }
    if (!product || !proposal?.best) throw new Error('no product with a Oui');
    expect(await soldAfter(product.id, '2026-11-13T00:00:00Z')).toBeGreaterThan(0);

    const { entry, vintage, formatCl } = proposal.best;
    const linked = await owner.post(`${base}/till-products/${product.id}/link`, {
      target: { kind: 'library', libraryEntryId: entry.id, vintage, formatCl },
      factor: 1,
      onHand: 6,
    });
    expect(linked.statusCode).toBe(200);
    const created = linked.json<LinkResult>().drink;
    expect(created.stock).toBe(6);
    expect(created.lastCountAt).toBe('2026-11-27T10:00:00.000Z');
    const initial = await movements(created.id);
    expect(initial.items).toMatchObject([{ kind: 'count', quantity: 6, initial: true }]);
    expect(initial.tillSales).toEqual([]); // weeks of sales, none after the base

    // Two more nights: their sales after the base take bottles out, one "Ventes caisse" line per day.
    t.clock.set('2026-11-29T09:00:00Z');
    await importDays('2026-11-27', '2026-11-28');
    const since = await soldAfter(product.id, '2026-11-27T10:00:00Z');
    expect(since).toBeGreaterThan(0);
    expect((await drink(created.id)).stock).toBeCloseTo(6 - since, 3);
    const later = await movements(created.id);
    expect(later.tillSales.map((d) => d.businessDay).every((d) => d >= '2026-11-27')).toBe(true);
    expect(later.tillSales.reduce((s, d) => s + d.quantity, 0)).toBeCloseTo(since, 3);

    expect((await owner.delete(`${base}/till-products/${product.id}/link`)).statusCode).toBe(204);
    expect((await drink(created.id)).stock).toBe(6);
    const relinked = await owner.post(`${base}/till-products/${product.id}/link`, {
      target: { kind: 'drink', drinkId: created.id },
      factor: 1,
      onHand: 99, // an existing drink keeps its base: the quantity on hand is for a drink being created
    });
    expect(relinked.json<LinkResult>().drink.stock).toBeCloseTo(6 - since, 3);

    const counted = await owner.post(`${base}/drinks/${created.id}/movements`, {
      kind: 'count',
      quantity: 10,
    });
    expect(counted.json<Drink>().stock).toBe(10);
    expect((await movements(created.id)).tillSales).toEqual([]);
    t.clock.set('2026-11-30T09:00:00Z');
    await importDays('2026-11-29', '2026-11-29');
    expect((await drink(created.id)).stock).toBeCloseTo(
      10 - (await soldAfter(product.id, '2026-11-29T09:00:00Z')),
      3,
    );
  });

  it('Non and "Ajouter une boisson" ask the bottles on hand: decimals allowed, empty is 0, negative refused in French', async () => {
    const product = sold[sold.length - 1];
    if (!product) throw new Error('no product');
    const drinkBody = { producer: 'Domaine Saisi À La Main', colour: 'rouge', vintage: 2021 };
    const refused = await owner.post(`${base}/till-products/${product.id}/link`, {
      target: { kind: 'new', drink: drinkBody },
      onHand: -2,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('ne peut pas être négatif');
    const non = await owner.post(`${base}/till-products/${product.id}/link`, {
      target: { kind: 'new', drink: drinkBody },
      factor: 1,
      onHand: 3,
    });
    expect(non.statusCode).toBe(200);
    expect(non.json<LinkResult>().drink.stock).toBe(3);

    const byHand = await owner.post(`${base}/drinks`, { producer: 'Château Compté', onHand: 2.5 });
    expect(byHand.statusCode).toBe(201);
    expect(byHand.json<Drink>()).toMatchObject({ stock: 2.5, lastCountAt: t.clock.now().toISOString() });
    const empty = await owner.post(`${base}/drinks`, { producer: 'Château Vide' });
    expect(empty.json<Drink>().stock).toBe(0);
    const negative = await owner.post(`${base}/drinks`, { producer: 'Château Négatif', onHand: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('ne peut pas être négatif');
  });
});
