import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { CountSession } from './countSessions.ts';

export type ScopeDrink = {
  id: string;
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  vintage: number | null;
  formatCl: number;
  location: string | null;
  createdAt: Date;
  purchasePriceCents: number | null;
  salePriceCents: number | null;
};

/** The drinks a session covers: not archived, and in its location or categories; plus any drink already counted. */
export async function drinksInScope(
  db: Db,
  establishmentId: string,
  session: Pick<CountSession, 'id' | 'scope'>,
): Promise<ScopeDrink[]> {
  const { scope } = session;
  const counted = db
    .selectFrom('count_line as cl')
    .select('cl.drink_id')
    .where('cl.establishment_id', '=', establishmentId)
    .where('cl.session_id', '=', session.id);
  const rows = await db
    .selectFrom('drink as d')
    .select([
      'd.id',
      'd.type',
      'd.colour',
      'd.producer',
      'd.cuvee',
      'd.appellation',
      'd.vintage',
      'd.format_cl',
      'd.location',
      'd.created_at',
      'd.purchase_price_cents',
      'd.sale_price_cents',
    ])
    .where('d.establishment_id', '=', establishmentId)
    .where((eb) =>
      eb.or([
        eb('d.id', 'in', counted),
        eb.and([
          eb('d.archived_at', 'is', null),
          scope.kind === 'location'
            ? eb(sql`lower(coalesce(d.location, ''))`, '=', (scope.location ?? '').toLowerCase())
            : scope.kind === 'categories'
              ? eb('d.type', '=', eb.fn.any(eb.val(scope.types)))
              : eb.lit(true),
        ]),
      ]),
    )
    .orderBy('d.producer')
    .orderBy('d.cuvee')
    .orderBy('d.vintage')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    colour: r.colour,
    producer: r.producer,
    cuvee: r.cuvee,
    appellation: r.appellation,
    vintage: r.vintage,
    formatCl: Number(r.format_cl),
    location: r.location,
    createdAt: r.created_at,
    purchasePriceCents: r.purchase_price_cents,
    salePriceCents: r.sale_price_cents,
  }));
}

/** For drinks whose stock base comes after `at` (created after the cut-off), the instant of that first base. */
export async function firstCountsAfter(
  db: Db,
  establishmentId: string,
  at: Date,
  excludeSessionId: string,
): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom('stock_movement')
    .select([
      'drink_id',
      sql<Date>`min(occurred_at)`.as('first_at'),
      sql<Date | null>`min(occurred_at) filter (where occurred_at <= ${at})`.as('before_at'),
    ])
    .where('establishment_id', '=', establishmentId)
    .where('kind', '=', 'count')
    .where(sql<boolean>`count_session_id is distinct from ${excludeSessionId}::uuid`)
    .groupBy('drink_id')
    .execute();
  return new Map(rows.filter((r) => r.before_at === null).map((r) => [r.drink_id, new Date(r.first_at)]));
}
