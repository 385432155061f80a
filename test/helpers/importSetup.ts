import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { insertEstablishment } from '../../src/db/repositories/establishments.ts';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import type { Db } from '../../src/db/database.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { testTillAccess } from './client.ts';

/** An establishment connected to a simulated Astério restaurant over loopback HTTP, sharing one mock clock. */
export async function connectedEstablishment(
  db: Db,
  options: { seed?: number; now?: string; kmlcode?: string } = {},
) {
  const clock = fixedClock(options.now ?? '2026-11-27T09:00:00Z');
  const sim: AsterioSimulator = createAsterioSimulator({ seed: options.seed ?? 11, clock });
  await sim.listen(0);
  const access = testTillAccess();
  const establishment = await insertEstablishment(db, {
    name: 'Brasserie Test',
    timeZone: 'Europe/Paris',
    dayCutoffHour: 4,
  });
  const creds = sim.credentials(options.kmlcode);
  const till = await insertTillConnection(
    db,
    establishment.id,
    'Astério',
    {
      tillType: 'asterio',
      domain: creds.domain,
      kmlcode: creds.kmlcode,
      siteCode: creds.siteCode,
      identifier: creds.identifier,
      passwordEncrypted: access.secrets.seal(creds.password),
    },
    clock.now(),
  );
  return { sim, clock, access, establishmentId: establishment.id, tillId: till.id, kmlcode: creds.kmlcode };
}

/** The tables an import writes, in a stable order, to compare two states of the database. */
export async function dumpImportTables(db: Db, establishmentId: string) {
  return {
    products: await db
      .selectFrom('till_product')
      .selectAll()
      .where('establishment_id', '=', establishmentId)
      .orderBy('external_id')
      .execute(),
    labels: await db
      .selectFrom('till_product_label')
      .selectAll()
      .where('establishment_id', '=', establishmentId)
      .orderBy('till_product_id')
      .orderBy('valid_from')
      .execute(),
    lines: await db
      .selectFrom('sale_line')
      .select([
        'business_day',
        'ticket_id',
        'line_id',
        'till_product_id',
        'sold_at',
        'label',
        'quantity',
        'amount_cents',
        'amount_excl_tax_cents',
        'discount_cents',
      ])
      .where('establishment_id', '=', establishmentId)
      .orderBy('business_day')
      .orderBy('ticket_id')
      .orderBy('line_id')
      .execute(),
    quarantine: await db
      .selectFrom('sale_quarantine')
      .select(['business_day', 'ticket_id', 'line_id', 'reason', 'raw'])
      .where('establishment_id', '=', establishmentId)
      .orderBy('business_day')
      .orderBy('ticket_id')
      .orderBy('line_id')
      .orderBy('reason')
      .execute(),
  };
}
