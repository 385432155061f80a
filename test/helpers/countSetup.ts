import { fixedClock } from '../../src/domain/clock.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertMembership } from '../../src/db/repositories/establishments.ts';
import type { Db } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import { importNight } from '../../src/jobs/importNight.ts';
import { createDrink } from '../../src/services/drinks/createDrink.ts';
import { recordMovement } from '../../src/services/stock/recordMovements.ts';
import type { connectedEstablishment } from './importSetup.ts';

export type CountEnv = Awaited<ReturnType<typeof connectedEstablishment>>;

export async function member(db: Db, establishmentId: string, email: string, role: Role): Promise<string> {
  const id = (await insertAccount(db, { email, passwordHash: 'x', displayName: null, locale: 'fr' })).id;
  await insertMembership(db, { establishmentId, accountId: id, role });
  return id;
}

export async function importDay(db: Db, env: CountEnv, day: string): Promise<void> {
  const r = await importNight(
    db,
    env.access,
    { establishmentId: env.establishmentId, tillId: env.tillId, day, trigger: 'manual' },
    env.clock,
  );
  if (r.status !== 'succeeded') throw new Error(`import ${day}: ${r.status}`);
}

/** Sale lines of one product on one day as the simulated till will send them (the truth to check against). */
export function simLines(env: CountEnv, day: string, externalId: string) {
  return env.sim
    .till(env.kmlcode)
    .tickets(day, new Date('2100-01-01'))
    .flatMap((t) => t.lines)
    .filter((l) => l.productId === externalId);
}

/** The product with the most sale lines that day, among those already in the database. */
export async function busiestProduct(db: Db, env: CountEnv, day: string) {
  const products = await db
    .selectFrom('till_product')
    .select(['id', 'external_id', 'label'])
    .where('establishment_id', '=', env.establishmentId)
    .execute();
  const counts = new Map<string, number>();
  for (const t of env.sim.till(env.kmlcode).tickets(day, new Date('2100-01-01')))
    for (const l of t.lines) if (l.quantity > 0) counts.set(l.productId, (counts.get(l.productId) ?? 0) + 1);
  const ranked = products
    .filter((p) => /^(BTL|BLLE)/i.test(p.label))
    .sort((a, b) => (counts.get(b.external_id) ?? 0) - (counts.get(a.external_id) ?? 0));
  const best =
    ranked[0] ??
    products.sort((a, b) => (counts.get(b.external_id) ?? 0) - (counts.get(a.external_id) ?? 0))[0];
  if (!best) throw new Error('no product');
  return { id: best.id, externalId: best.external_id, label: best.label };
}

export async function drinkWithBase(
  db: Db,
  actor: string,
  establishmentId: string,
  producer: string,
  clock: { now: () => Date },
  base: { at: string; receipts: { quantity: number; price: number; at: string }[] },
  extra: { type?: 'wine' | 'spirit' | 'beer'; location?: string } = {},
): Promise<string> {
  const drink = await createDrink(
    db,
    actor,
    establishmentId,
    {
      libraryEntryId: null,
      type: extra.type ?? 'wine',
      colour: extra.type && extra.type !== 'wine' ? null : 'rouge',
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
      location: extra.location ?? 'Cave',
      minStock: null,
    },
    0,
    // entered in Cellier at base.at: its base is a count of 0 then
    fixedClock(base.at),
  );
  for (const r of base.receipts)
    await recordMovement(
      db,
      actor,
      establishmentId,
      drink.id,
      {
        kind: 'receipt',
        quantity: r.quantity,
        occurredAt: new Date(r.at),
        unitCostCents: Math.round(r.price * 100),
      },
      clock,
    );
  return drink.id;
}
