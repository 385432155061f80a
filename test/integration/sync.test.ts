import { afterAll, beforeAll, expect, it } from 'vitest';
import { importNight } from '../../src/jobs/importNight.ts';
import { linkTillProduct } from '../../src/services/sync/linkTillProduct.ts';
import {
  breakLink,
  changeLinkFactor,
  drinkSales,
  setProductIgnored,
} from '../../src/services/sync/manageLinks.ts';
import { workList } from '../../src/services/sync/workList.ts';
import { linkSafeProposals, safeProposals } from '../../src/services/sync/bulkLink.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { proposalFor } from '../../src/services/sync/proposal.ts';
import { getDrink } from '../../src/services/drinks/queryDrinks.ts';
import { recordMovement } from '../../src/services/stock/recordMovements.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertMembership } from '../../src/db/repositories/establishments.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';
import { soleTillId } from '../helpers/soleTill.ts';

describeOnBothDatabases('linking till products to drinks', (kind) => {
  let db: TestDatabase;
  let env: Awaited<ReturnType<typeof connectedEstablishment>>;
  let actor: string;
  let products: { id: string; externalId: string; label: string }[];
  const days = ['2026-11-20', '2026-11-21', '2026-11-22'];

  // Sales of one product in the imported nights, straight from the database.
  const soldQuantity = async (tillProductId: string, after?: Date) => {
    let q = db.db
      .selectFrom('sale_line')
      .select('quantity')
      .where('establishment_id', '=', env.establishmentId)
      .where('till_product_id', '=', tillProductId);
    if (after) q = q.where('sold_at', '>', after);
    return (await q.execute()).reduce((s, r) => s + Number(r.quantity), 0);
  };
  const stockOf = async (drinkId: string) =>
    (await getDrink(db.db, actor, env.establishmentId, drinkId)).stock;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db, { kmlcode: 'lepetitzinc-70001' });
    actor = (
      await insertAccount(db.db, {
        email: 'somm@zinc.fr',
        passwordHash: 'x',
        displayName: null,
        locale: 'fr',
      })
    ).id;
    await insertMembership(db.db, { establishmentId: env.establishmentId, accountId: actor, role: 'owner' });
    env.clock.set('2026-11-24T09:00:00Z');
    for (const day of days)
      expect(
        (
          await importNight(
            db.db,
            env.access,
            {
              establishmentId: env.establishmentId,
              tillId: await soleTillId(db.db, env.establishmentId),
              day,
              trigger: 'manual',
            },
            env.clock,
          )
        ).status,
      ).toBe('succeeded');
    const sold = await db.db
      .selectFrom('till_product as p')
      .innerJoin('sale_line as s', (j) => j.onRef('s.till_product_id', '=', 'p.id'))
      .select(['p.id', 'p.external_id', 'p.label'])
      .distinct()
      .where('p.establishment_id', '=', env.establishmentId)
      .orderBy('p.external_id')
      .execute();
    products = sold.map((p) => ({ id: p.id, externalId: p.external_id, label: p.label }));
    expect(products.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await env.sim.close();
    await db.drop();
  });

  it("links a batch of safe proposals in the caller's one transaction: a failure in the batch links none", async () => {
    const safe = await safeProposals(db.db, actor, env.establishmentId, env.clock);
    expect(safe.length).toBeGreaterThan(1);
    const ids = safe.map((p) => p.tillProduct.id);
    const linksOf = () =>
      db.db
        .selectFrom('till_link')
        .select('till_product_id')
        .where('establishment_id', '=', env.establishmentId)
        .where('till_product_id', 'in', ids)
        .execute();
    let linkedInside = 0;
    await expect(
      inTransaction(db.db, async (trx) => {
        linkedInside = (await linkSafeProposals(trx, actor, env.establishmentId, ids, env.clock)).linked
          .length;
        throw new Error('panne au milieu du lot');
      }),
    ).rejects.toThrow('panne');
    expect(linkedInside).toBe(ids.length);
    expect(await linksOf()).toEqual([]);
  });

  it('lists sold unlinked products first by revenue, and proposes a match', async () => {
    const list = await workList(
      db.db,
      actor,
      env.establishmentId,
      { status: 'unlinked', limit: 500, offset: 0 },
      env.clock,
    );
    expect(list.unlinked).toBe(list.total);
    const sold = list.items.filter((i) => i.hasSales);
    expect(sold.map((i) => i.revenueCents)).toEqual(
      [...sold.map((i) => i.revenueCents)].sort((a, b) => b - a),
    );
    expect(list.items.findIndex((i) => !i.hasSales)).toBeGreaterThanOrEqual(sold.length);
    expect(list.unlinkedRevenueCents).toBeGreaterThan(0);
    const wine = list.items.find((i) => /^(BTL|VRE|BLLE|VERRE)/.test(i.label));
    expect(wine).toBeDefined();
    const proposal = await proposalFor(db.db, actor, env.establishmentId, wine?.id ?? '', env.clock);
    expect(proposal.answer.candidates.length).toBeGreaterThan(0);
  });

  it('filters the work list on sales: Vendus and Catalogue seul split it (issue 9, defect 2)', async () => {
    const list = (sold?: boolean) =>
      workList(
        db.db,
        actor,
        env.establishmentId,
        { status: 'unlinked', sold, limit: 500, offset: 0 },
        env.clock,
      );
    const all = await list();
    const sold = await list(true);
    const catalogue = await list(false);
    expect(sold.items.length).toBeGreaterThan(0);
    expect(catalogue.items.length).toBeGreaterThan(0);
    expect(sold.items.every((i) => i.hasSales)).toBe(true);
    expect(catalogue.items.every((i) => !i.hasSales)).toBe(true);
    expect(sold.total + catalogue.total).toBe(all.total);
  });

  it('link takes the product’s stored sales out of stock at once; break gives them back; relink moves them', async () => {
    // both drinks were entered in Cellier before the imported nights: every stored sale is after their base
    env.clock.set('2026-11-19T12:00:00Z');
    const [p1] = products;
    if (!p1) throw new Error('no product');
    const linked = await linkTillProduct(
      db.db,
      actor,
      env.establishmentId,
      p1.id,
      { kind: 'new', drink: newDrink('Domaine Lien Un') },
      1,
      env.clock,
    );
    const drinkA = linked.drink.id;
    expect(linked.drink.tillLinked).toBe(true);
    expect(await stockOf(drinkA)).toBeCloseTo(-(await soldQuantity(p1.id)), 3);
    const sales = await drinkSales(db.db, actor, env.establishmentId, drinkA, {
      from: days[0] ?? '',
      to: days[2] ?? '',
    });
    expect(sales.totals.quantity).toBeCloseTo(await soldQuantity(p1.id), 3);
    expect(sales.links.map((l) => l.label)).toEqual([p1.label]);

    const drinkB = (
      await linkTillProduct(
        db.db,
        actor,
        env.establishmentId,
        p1.id,
        { kind: 'new', drink: newDrink('Domaine Lien Deux') },
        1,
        env.clock,
      )
    ).drink.id;
    expect(await stockOf(drinkA)).toBe(0);
    expect(await stockOf(drinkB)).toBeCloseTo(-(await soldQuantity(p1.id)), 3);

    await breakLink(db.db, actor, env.establishmentId, p1.id);
    expect(await stockOf(drinkB)).toBe(0);
    expect((await getDrink(db.db, actor, env.establishmentId, drinkB)).tillLinked).toBe(false);
    const list = await workList(
      db.db,
      actor,
      env.establishmentId,
      { status: 'unlinked', limit: 500, offset: 0 },
      env.clock,
    );
    expect(list.items.map((i) => i.id)).toContain(p1.id);
  });

  it('many to one with factors; a count sets a new base; breaking one link leaves the other’s sales', async () => {
    env.clock.set('2026-11-19T12:00:00Z');
    const [, bottle, glass] = products;
    if (!bottle || !glass) throw new Error('not enough products');
    const drink = (
      await linkTillProduct(
        db.db,
        actor,
        env.establishmentId,
        bottle.id,
        { kind: 'new', drink: newDrink('Domaine Deux Boutons') },
        1,
        env.clock,
      )
    ).drink.id;
    await linkTillProduct(
      db.db,
      actor,
      env.establishmentId,
      glass.id,
      { kind: 'drink', drinkId: drink },
      1 / 6,
      env.clock,
    );
    const expected = -((await soldQuantity(bottle.id)) + (await soldQuantity(glass.id)) * (1 / 6));
    expect(await stockOf(drink)).toBeCloseTo(expected, 2);

    await changeLinkFactor(db.db, actor, env.establishmentId, glass.id, 0.2);
    expect(await stockOf(drink)).toBeCloseTo(
      -((await soldQuantity(bottle.id)) + (await soldQuantity(glass.id)) * 0.2),
      2,
    );

    const countAt = new Date('2026-11-21T12:00:00Z');
    await recordMovement(
      db.db,
      actor,
      env.establishmentId,
      drink,
      { kind: 'count', quantity: 24, occurredAt: countAt },
      env.clock,
    );
    const afterCount =
      24 - ((await soldQuantity(bottle.id, countAt)) + (await soldQuantity(glass.id, countAt)) * 0.2);
    expect(await stockOf(drink)).toBeCloseTo(afterCount, 2);

    await breakLink(db.db, actor, env.establishmentId, glass.id);
    expect(await stockOf(drink)).toBeCloseTo(24 - (await soldQuantity(bottle.id, countAt)), 2);
    const sales = await drinkSales(db.db, actor, env.establishmentId, drink, {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(new Set(sales.days.map((d) => d.tillProductId))).toEqual(new Set([bottle.id]));
    expect(sales.links.map((l) => l.tillProductId)).toEqual([bottle.id]);
  });

  it('later imports keep depleting linked drinks, and a till label change keeps the link', async () => {
    const p = products[3];
    if (!p) throw new Error('no product');
    env.clock.set('2026-11-23T10:00:00Z'); // entered in the morning, before the evening's service
    const drink = (
      await linkTillProduct(
        db.db,
        actor,
        env.establishmentId,
        p.id,
        { kind: 'new', drink: newDrink('Domaine Suite') },
        1,
        env.clock,
      )
    ).drink.id;
    const before = await stockOf(drink);
    expect(before).toBe(0); // the 20–22 nights are before its base
    env.clock.set('2026-11-24T09:00:00Z');
    await db.db.updateTable('till_product').set({ label: 'ANCIEN LIBELLE' }).where('id', '=', p.id).execute();
    const run = await importNight(
      db.db,
      env.access,
      {
        establishmentId: env.establishmentId,
        tillId: await soleTillId(db.db, env.establishmentId),
        day: '2026-11-23',
        trigger: 'manual',
      },
      env.clock,
    );
    expect(run.productsChanged).toBeGreaterThan(0);
    const sold23 = (
      await db.db
        .selectFrom('sale_line')
        .select('quantity')
        .where('till_product_id', '=', p.id)
        .where('business_day', '=', '2026-11-23')
        .execute()
    ).reduce((s, r) => s + Number(r.quantity), 0);
    expect(await stockOf(drink)).toBeCloseTo(before - sold23, 3);
    const sales = await drinkSales(db.db, actor, env.establishmentId, drink, {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(sales.links[0]?.labelChangedOn).toBe('2026-11-23');
  });

  it('ignores a product or a whole family, and undoes it; ignored products leave the count', async () => {
    const before = await workList(
      db.db,
      actor,
      env.establishmentId,
      { status: 'unlinked', limit: 500, offset: 0 },
      env.clock,
    );
    const food = before.items.find((i) => i.family && /PLAT|DESSERT|ENTREE/.test(i.family));
    if (!food?.family) throw new Error('no food family');
    const { updated } = await setProductIgnored(
      db.db,
      actor,
      env.establishmentId,
      { family: food.family },
      true,
      env.clock,
    );
    const after = await workList(
      db.db,
      actor,
      env.establishmentId,
      { status: 'unlinked', limit: 500, offset: 0 },
      env.clock,
    );
    expect(after.unlinked).toBe(before.unlinked - updated);
    expect(after.items.some((i) => i.family === food.family)).toBe(false);
    await setProductIgnored(db.db, actor, env.establishmentId, { id: food.id }, false, env.clock);
    const undone = await workList(
      db.db,
      actor,
      env.establishmentId,
      { status: 'unlinked', limit: 500, offset: 0 },
      env.clock,
    );
    expect(undone.unlinked).toBe(after.unlinked + 1);
  });
});

function newDrink(producer: string) {
  return {
    libraryEntryId: null,
    type: 'wine' as const,
    colour: 'rouge' as const,
    producer,
    cuvee: null,
    appellationId: null,
    appellation: null,
    region: null,
    country: null,
    grapes: [],
    vintage: 2020,
    formatCl: 75,
    purchasePriceCents: null,
    salePriceCents: null,
    location: null,
    minStock: null,
  };
}
