import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyClientOf } from '../../src/db/copyClients.ts';
import { soleTill } from '../helpers/soleTill.ts';
import { applyNight } from '../../src/services/imports/applyNight.ts';
import type { TillTicket } from '../../src/tills/connector.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';

// The write path of applyNight: COPY + set-based merge on a server, statements on PGlite. Both must store
// exactly what the till sent, with exact counts, whatever the labels contain.
describeOnBothDatabases('night write path', (kind) => {
  let db: TestDatabase;
  let env: Awaited<ReturnType<typeof connectedEstablishment>>;
  let tillId: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db);
    tillId = (await soleTill(db.db, env.establishmentId))?.id ?? '';
  });
  afterAll(async () => {
    await env.sim.close();
    await db.drop();
  });

  it(`uses ${kind === 'postgres' ? 'COPY FROM STDIN' : 'the statement path'} inside the transaction`, async () => {
    const client = await db.db.transaction().execute((trx) => copyClientOf(trx));
    expect(client !== null).toBe(kind === 'postgres');
  });

  const line = fc.record({
    lineId: fc.constantFrom('1', '2', '3'),
    product: fc.constantFrom('P1', 'P2', 'P\t3'),
    label: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\u0000', '')),
      fc.constantFrom('a\tb', 'back\\slash', '\\N', 'line\nbreak', 'cr\r', ''),
    ),
    quantity: fc.integer({ min: -3000, max: 3000 }).map((q) => q / 1000),
    amountCents: fc.integer({ min: -50000, max: 50000 }),
    excl: fc.option(fc.integer({ min: 0, max: 1000 })),
    minute: fc.integer({ min: 0, max: 600 }),
  });
  const night = fc.dictionary(
    fc.constantFrom('T1', 'T\\2', 'T\n3', 'T4'),
    fc.uniqueArray(line, { selector: (l) => l.lineId, maxLength: 3 }),
  );

  it('stores exactly the till’s lines, night after night, with the right counts', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(night, { minLength: 1, maxLength: 4 }), async (nights) => {
        const day = `2026-10-${String((n++ % 28) + 1).padStart(2, '0')}`;
        let stored = new Map<string, string>();
        for (const raw of nights) {
          const tickets: TillTicket[] = Object.entries(raw).map(([ticketId, lines]) => ({
            ticketId,
            closedAt: `${day}T20:00:00.000Z`,
            lines: lines.map((l) => ({
              lineId: l.lineId,
              soldAt: new Date(Date.parse(`${day}T10:00:00Z`) + l.minute * 60000).toISOString(),
              tillProductId: l.product,
              label: l.label,
              quantity: l.quantity,
              amountCents: l.amountCents,
              amountExclTaxCents: l.excl,
              discountCents: null,
            })),
          }));
          const want = new Map(
            tickets.flatMap((t) =>
              t.lines.map((l) => [
                `${t.ticketId}|${l.lineId}`,
                JSON.stringify([
                  l.tillProductId,
                  l.soldAt,
                  l.label,
                  l.quantity,
                  l.amountCents,
                  l.amountExclTaxCents,
                ]),
              ]),
            ),
          );
          const counts = await db.db
            .transaction()
            .execute((trx) =>
              applyNight(
                trx,
                { establishmentId: env.establishmentId, tillId, day, runId: crypto.randomUUID() },
                { products: [], tickets, rejected: [] },
              ),
            );
          const added = [...want.keys()].filter((k) => !stored.has(k)).length;
          const removed = [...stored.keys()].filter((k) => !want.has(k)).length;
          const changed = [...want].filter(([k, v]) => stored.has(k) && stored.get(k) !== v).length;
          expect(counts).toMatchObject({ linesNew: added, linesRemoved: removed, linesChanged: changed });
          const rows = await db.db
            .selectFrom('sale_line as s')
            .innerJoin('till_product as p', (j) =>
              j
                .onRef('p.establishment_id', '=', 's.establishment_id')
                .onRef('p.id', '=', 's.till_product_id'),
            )
            .select(['s.ticket_id', 's.line_id', 'p.external_id', 's.sold_at', 's.label', 's.quantity'])
            .select(['s.amount_cents', 's.amount_excl_tax_cents'])
            .where('s.establishment_id', '=', env.establishmentId)
            .where('s.business_day', '=', day)
            .execute();
          stored = new Map(
            rows.map((r) => [
              `${r.ticket_id}|${r.line_id}`,
              JSON.stringify([
                r.external_id,
                r.sold_at.toISOString(),
                r.label,
                Number(r.quantity),
                r.amount_cents,
                r.amount_excl_tax_cents,
              ]),
            ]),
          );
          expect(stored).toEqual(want);
        }
      }),
      { numRuns: 25 },
    );
  });
});
