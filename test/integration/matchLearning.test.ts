import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertEstablishment, insertMembership } from '../../src/db/repositories/establishments.ts';
import { loadLibraryFor } from '../../src/db/repositories/library.ts';
import { ensureSaleLinePartition, insertLines } from '../../src/db/repositories/saleLines.ts';
import { insertMovements } from '../../src/db/repositories/stockMovements.ts';
import { soleTill } from '../helpers/soleTill.ts';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import { insertTillProducts } from '../../src/db/repositories/tillProducts.ts';
import { buildMatchIndex, match, normalise, type LibraryEntry } from '../../src/matching/index.ts';
import { sharedKnowledgeNow } from '../../src/services/library/matchKnowledge.ts';
import { toMatchEntry } from '../../src/services/library/matcher.ts';
import { linkTillProduct } from '../../src/services/sync/linkTillProduct.ts';
import { breakLink, setProductIgnored } from '../../src/services/sync/manageLinks.ts';
import { proposalFor } from '../../src/services/sync/proposal.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';

// A till that writes the colour as a family prefix no lexicon knows ("ZRVIN" red). Five letters: longer than the
// codes the cold engine tolerates at a label's edge (XRR, FB), so only learning can unblock it.
const PREFIX = 'ZRVIN';
const upper = (s: string) => normalise(s).toUpperCase();

describeOnBothDatabases('the matcher learns from answers and from other establishments', (kind) => {
  let db: TestDatabase;
  let env: Awaited<ReturnType<typeof connectedEstablishment>>;
  let actor: string;
  let reds: LibraryEntry[];
  const products = new Map<string, string>(); // label → till product id of the connected establishment

  const addProducts = async (establishmentId: string, tillId: string, labels: string[]) => {
    const ids = await insertTillProducts(
      db.db,
      establishmentId,
      tillId,
      labels.map((label, i) => ({
        externalId: `${label}-${i}`,
        label,
        family: 'VINS',
        vatRate: 20,
        priceCents: 3000,
        active: true,
        seenOn: '2026-11-26',
      })),
    );
    return labels.map((label, i) => ids.get(`${label}-${i}`) ?? '');
  };
  const propose = (establishmentId: string, id: string) =>
    proposalFor(db.db, actor, establishmentId, id, env.clock);
  const labelOf = (e: LibraryEntry) => `${PREFIX} ${upper(e.producer ?? '')} ${upper(e.appellation ?? '')}`;
  const newDrink = (producer: string) => ({
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
    purchasePriceCents: 1234,
    salePriceCents: 5678,
    location: null,
    minStock: null,
  });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db);
    actor = (
      await insertAccount(db.db, {
        email: 'appr@zinc.fr',
        passwordHash: 'x',
        displayName: null,
        locale: 'fr',
      })
    ).id;
    await insertMembership(db.db, { establishmentId: env.establishmentId, accountId: actor, role: 'owner' });
    // red wines the cold engine names with a `oui` without the prefix and refuses with it
    const lib = (await loadLibraryFor(db.db, env.establishmentId)).map(toMatchEntry);
    const index = buildMatchIndex(lib);
    const now = env.clock.now();
    reds = lib
      .filter((e) => e.type === 'wine' && e.colour === 'rouge' && e.producer && e.appellation)
      .filter((e) => {
        const plain = match(index, `${upper(e.producer ?? '')} ${upper(e.appellation ?? '')}`, { now });
        const prefixed = match(index, labelOf(e), { now });
        return plain.decision === 'oui' && plain.candidates[0]?.id === e.id && prefixed.decision === 'non';
      })
      .slice(0, 8);
    expect(reds.length).toBe(8);
    tillId = (await soleTill(db.db, env.establishmentId))?.id ?? '';
    await addLabels(reds.slice(0, 1).map(labelOf));
  });
  let tillId = '';
  const addLabels = async (labels: string[]) => {
    const ids = await addProducts(env.establishmentId, tillId, labels);
    labels.forEach((l, i) => products.set(l, ids[i] ?? ''));
  };
  afterAll(async () => {
    await env.sim.close();
    await db.drop();
  });

  const [e1, e2, e3] = [0, 1, 2];
  const productOf = (i: number) => products.get(labelOf(reds[i] as LibraryEntry)) ?? '';

  it('after the first confirmation, the next proposal with the same till prefix is a oui', async () => {
    expect((await propose(env.establishmentId, productOf(e1))).answer.decision).toBe('non');
    const first = reds[e1] as LibraryEntry;
    await linkTillProduct(
      db.db,
      actor,
      env.establishmentId,
      productOf(e1),
      { kind: 'library', libraryEntryId: first.id, vintage: null, formatCl: 75 },
      1,
      env.clock,
    );
    // the next import brings more wines with the same prefix
    await addLabels(reds.slice(1, 4).map(labelOf));
    const next = await propose(env.establishmentId, productOf(e2));
    expect(next.answer.decision).toBe('oui');
    expect(next.answer.candidates[0]?.id).toBe(reds[e2]?.id);
    expect(next.answer.candidates[0]?.why).toContain('learnt');
  });

  it('keeps its lessons over a restart and when a link is broken', async () => {
    await breakLink(db.db, actor, env.establishmentId, productOf(e1));
    vi.resetModules(); // a restart: fresh module state, no cached index or knowledge
    const fresh = await import('../../src/services/sync/proposal.ts');
    const again = await fresh.proposalFor(db.db, actor, env.establishmentId, productOf(e3), env.clock);
    expect(again.answer.decision).toBe('oui');
    expect(again.answer.candidates[0]?.id).toBe(reds[e3]?.id);
    // the broken product's own label is still remembered for the drink it was linked to
    const unlinked = await fresh.proposalFor(db.db, actor, env.establishmentId, productOf(e1), env.clock);
    expect(unlinked.answer.decision).toBe('oui');
    expect(unlinked.answer.candidates[0]?.id).toBe(reds[e1]?.id);
    expect(unlinked.answer.candidates[0]?.why).toContain('learnt');
  });

  it('a Non after a wrong Oui unlearns it; an ignored product is never a oui from memory', async () => {
    const wrong = reds[e3] as LibraryEntry;
    const target = { kind: 'library' as const, libraryEntryId: wrong.id, vintage: null, formatCl: 75 };
    await linkTillProduct(db.db, actor, env.establishmentId, productOf(e2), target, 1, env.clock);
    const remembered = await propose(env.establishmentId, productOf(e2));
    expect(remembered.answer.candidates[0]?.id).toBe(wrong.id); // the (wrong) answer is remembered
    await breakLink(db.db, actor, env.establishmentId, productOf(e2));
    await linkTillProduct(
      db.db,
      actor,
      env.establishmentId,
      productOf(e2),
      { kind: 'new', drink: newDrink('Domaine Saisi A La Main') },
      1,
      env.clock,
    );
    const after = await propose(env.establishmentId, productOf(e2));
    expect(after.answer.candidates[0]?.id).not.toBe(wrong.id);
    await setProductIgnored(db.db, actor, env.establishmentId, { id: productOf(3) }, true, env.clock);
    expect((await propose(env.establishmentId, productOf(3))).answer.decision).toBe('non');
  });

  it('three establishments agreeing teach a fourth; no drink, stock, sale or private entry leaves them', async () => {
    const shop = async (name: string) => {
      const e = await insertEstablishment(db.db, { name, timeZone: 'Europe/Paris', dayCutoffHour: 4 });
      await insertMembership(db.db, { establishmentId: e.id, accountId: actor, role: 'owner' });
      return { id: e.id, till: randomUUID() };
    };
    const shared = reds[4] as LibraryEntry;
    const label = `QX ${upper(shared.producer ?? '')} ${upper(shared.appellation ?? '')}`;
    const privateIds: string[] = [];
    const others = [await shop('Bistrot Un'), await shop('Bistrot Deux'), await shop('Bistrot Trois')];
    for (const o of others) {
      const [p, own] = await addProducts(o.id, o.till, [label, 'CUVEE DU PATRON']);
      const target = { kind: 'library' as const, libraryEntryId: shared.id, vintage: null, formatCl: 75 };
      await linkTillProduct(db.db, actor, o.id, p ?? '', target, 1, env.clock);
      const mine = await linkTillProduct(
        db.db,
        actor,
        o.id,
        own ?? '',
        { kind: 'new', drink: newDrink(`Patron ${o.id.slice(0, 4)}`) },
        1,
        env.clock,
      );
      privateIds.push(mine.drink.libraryEntryId ?? '', mine.drink.id);
      // the establishment's stock and sales of both drinks: none of it may reach the shared knowledge
      const at = new Date('2026-11-25T20:00:00Z');
      await insertMovements(db.db, o.id, [
        {
          drinkId: mine.drink.id,
          kind: 'receipt',
          quantity: 4321,
          occurredAt: at,
          accountId: actor,
          note: 'cave secrete',
          unitCostCents: 8765,
          supplier: 'Fournisseur Confidentiel',
        },
      ]);
      await ensureSaleLinePartition(db.db, '2026-11-25');
      await insertLines(db.db, o.id, o.till, '2026-11-25', randomUUID(), [
        {
          ticketId: 'TICKET-SECRET',
          lineId: '1',
          tillProductId: p ?? '',
          soldAt: at,
          label,
          quantity: 3,
          amountCents: 9753,
          amountExclTaxCents: null,
          discountCents: null,
        },
      ]);
    }
    const fourth = await shop('Bistrot Quatre');
    const [p4, own4] = await addProducts(fourth.id, fourth.till, [label, 'CUVEE DU PATRON']);
    const learnt = await propose(fourth.id, p4 ?? '');
    expect(learnt.answer.decision).toBe('oui');
    expect(learnt.answer.candidates[0]?.id).toBe(shared.id);
    expect(learnt.answer.candidates[0]?.why).toContain('shared');
    const own = await propose(fourth.id, own4 ?? '');
    for (const c of own.answer.candidates) expect(privateIds).not.toContain(c.id);
    expect(own.drinksThatFit).toEqual([]);
    const knowledge = JSON.stringify(await sharedKnowledgeNow(db.db));
    for (const secret of [
      ...privateIds,
      ...others.map((o) => o.id),
      env.establishmentId,
      '1234',
      '5678',
      'patron',
      '4321',
      '8765',
      '9753',
      'secret',
      'Confidentiel',
    ])
      expect(knowledge).not.toContain(secret);
  });

  it('a till catalogue alone teaches its family prefix (no answer given)', async () => {
    const labels = reds.slice(4, 8).map((e) => labelOf(e).replace(PREFIX, 'ZTVIN'));
    await addLabels(labels); // the next import: four wines behind a family code nobody answered about
    const a = await propose(env.establishmentId, products.get(labels[0] ?? '') ?? '');
    expect(a.answer.decision).toBe('oui');
    expect(a.answer.candidates[0]?.id).toBe(reds[4]?.id);
    expect(a.answer.candidates[0]?.why).toContain('catalogue');
  });

  it('a product of a second till reads its own till’s catalogue, not the first one’s', async () => {
    const bar = await insertTillConnection(
      db.db,
      env.establishmentId,
      'Bar',
      {
        tillType: 'asterio',
        domain: 'https://bar-70009.myasterio.com',
        kmlcode: 'bar-70009',
        siteCode: 'SID',
        identifier: 'BAR_GENERICDATA',
        passwordEncrypted: 'sealed',
      },
      env.clock.now(),
    );
    // The bar's own family code, which the first till's catalogue never uses.
    const labels = reds.slice(4, 8).map((e) => labelOf(e).replace(PREFIX, 'ZBVIN'));
    const ids = await addProducts(env.establishmentId, bar.id, labels);
    const a = await propose(env.establishmentId, ids[0] ?? '');
    expect(a.answer.decision).toBe('oui');
    expect(a.answer.candidates[0]?.id).toBe(reds[4]?.id);
    expect(a.answer.candidates[0]?.why).toContain('catalogue');
    const profiles = await db.db.selectFrom('till_catalogue_profile').select('till_id').execute();
    expect(profiles.map((p) => p.till_id)).toContain(bar.id);
  });
});
