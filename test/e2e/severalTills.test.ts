import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createHubriseSimulator, type HubriseSimulator } from '../../src/tills/simulator/hubrise/index.ts';
import { contextApi } from '../helpers/e2eApi.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';
const NOW = '2026-11-27T09:00:00Z';

type Product = { id: string; label: string; tillId: string; tillName: string | null; quantitySold: number };
type Sales = { totals: { quantity: number; revenueCents: number; depletion: number } };

/** "94,5 bouteilles" or "12 345,67 €" (fr-FR) → 94.5 or 12345.67. */
const frNumber = (text: string | null) =>
  Number(
    (/-?[\d\s\u202f\u00a0]+(,\d+)?/.exec((text ?? '').replace(/\u2212/g, '-'))?.[0] ?? 'NaN')
      .replace(/[\s\u202f\u00a0]/g, '')
      .replace(',', '.'),
  );

describe.skipIf(skip)('several tills, end to end in Chromium: an Astério till and a HubRise till', () => {
  let asterio: AsterioSimulator;
  let hubrise: HubriseSimulator;
  let server: E2eServer;
  let browser: Browser;
  const clock = fixedClock(NOW);
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Days up to 2026-11-26 are closed on both simulated tills; Cellier's clock stands with theirs.
    asterio = createAsterioSimulator({ seed: 5, now: NOW });
    hubrise = createHubriseSimulator({ seed: 6, now: NOW });
    await asterio.listen(0);
    await hubrise.listen(0);
    server = await startE2eServer({ clock });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await asterio?.close();
    await hubrise?.close();
  });

  const watch = (page: Page) => {
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) pageErrors.push(msg.text());
    });
  };

  it('adds both tills, imports them, links one product of each to one drink and shows both tills’ sales', async () => {
    const context = await localOnlyContext(browser, server.url, blocked, {
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${server.url}/inscription`);
    await page.getByLabel('Adresse e-mail').fill('patron@deuxcaisses.test');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel("Nom de l'établissement").fill('Bar et Restaurant');
    await page.getByRole('button', { name: "Créer l'établissement" }).click();
    await page.getByRole('heading', { name: 'Boissons' }).waitFor();
    const eid = new URL(page.url()).pathname.split('/')[2] ?? '';
    const api = `/api/establishments/${eid}`;

    // The drink entered Cellier before the nights imported below, with 100 bottles: their sales come off it.
    clock.set('2026-11-20T10:00:00Z');
    const drink = await contextApi<{ id: string }>(context, server.url, 'POST', `${api}/drinks`, {
      producer: 'Domaine des Deux Caisses',
      region: 'Bourgogne',
      onHand: 100,
    });
    clock.set(NOW);

    // Paramètres › Caisse: the restaurant's Astério till first.
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('heading', { name: 'Caisse' }).waitFor();
    const a = asterio.credentials();
    await page.getByLabel('Nom de la caisse', { exact: true }).fill('Restaurant');
    await page.getByLabel('Domaine', { exact: true }).fill(a.domain);
    await page.getByLabel('Kmlcode', { exact: true }).fill(a.kmlcode);
    await page.getByLabel('Code site', { exact: true }).fill(a.siteCode);
    await page.getByLabel('Identifiant', { exact: true }).fill(a.identifier);
    await page.getByLabel('Mot de passe', { exact: true }).fill(a.password);
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByRole('status').filter({ hasText: 'Connexion réussie.' }).waitFor();

    // Then the bar's till, through HubRise.
    await page.getByRole('button', { name: 'Ajouter une caisse' }).click();
    await page.getByRole('heading', { name: 'Nouvelle caisse' }).waitFor();
    const h = hubrise.credentials();
    await page.getByLabel('Nom de la caisse', { exact: true }).fill('Bar');
    await page.getByRole('combobox', { name: 'Caisse', exact: true }).selectOption('hubrise');
    await page.getByLabel('Point de vente HubRise', { exact: true }).fill(h.locationId);
    await page.getByLabel('Adresse de l’API', { exact: true }).fill(h.apiOrigin);
    await page.getByLabel('Jeton d’accès', { exact: true }).fill(h.accessToken);
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByRole('status').filter({ hasText: 'Connexion réussie.' }).waitFor();
    const tills = page.getByRole('list', { name: 'Caisses de l’établissement' }).getByRole('listitem');
    await expect.poll(() => tills.count()).toBe(2);
    // Both were added in the same instant of the fixed clock: their order is not part of the story.
    const shown = await tills.allTextContents();
    expect(shown.filter((t) => /Restaurant · Astério · Connectée/.test(t))).toHaveLength(1);
    expect(shown.filter((t) => /Bar · HubRise · Connectée/.test(t))).toHaveLength(1);
    expect(await page.content()).not.toContain(a.password);
    expect(await page.content()).not.toContain(h.accessToken);

    // Imports: three closed nights of both tills; each run says its till.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Imports' })
      .click();
    await page.getByRole('heading', { name: 'Imports caisse' }).waitFor();
    await page.getByLabel('Réimporter du').fill('2026-11-24');
    await page.getByLabel('au', { exact: true }).fill('2026-11-26');
    await page.getByRole('button', { name: 'Réimporter' }).click();
    const runs = page.locator('.runs-table tbody tr');
    await expect.poll(() => runs.filter({ hasText: 'réussi' }).count(), { timeout: 60_000 }).toBe(6);
    expect(server.importErrors).toEqual([]);
    expect(await runs.filter({ hasText: 'Caisse : Restaurant' }).count()).toBe(3);
    expect(await runs.filter({ hasText: 'Caisse : Bar' }).count()).toBe(3);
    // The state of each till in use, each line naming its till (no "first till" speaks for both).
    const states = page.locator('.till-status');
    await expect.poll(() => states.count()).toBe(2);
    expect((await states.allTextContents()).map((x) => x.split(' ').slice(0, 3).join(' ')).sort()).toEqual([
      'Caisse : Bar',
      'Caisse : Restaurant',
    ]);

    // One product of each till, the best sold, linked to the same drink.
    const unlinked = await contextApi<{ items: Product[] }>(
      context,
      server.url,
      'GET',
      `${api}/till-products?status=unlinked&pageSize=200`,
    );
    const best = (name: string) =>
      unlinked.items
        .filter((p) => p.tillName === name && p.quantitySold > 0)
        .sort((x, y) => y.quantitySold - x.quantitySold)[0];
    const fromRestaurant = best('Restaurant');
    const fromBar = best('Bar');
    if (!fromRestaurant || !fromBar) throw new Error('a till sold nothing');
    // The work list says which till each product comes from.
    await page.goto(`${server.url}/e/${eid}/synchronisation?q=${encodeURIComponent(fromBar.label)}`);
    const barRow = page
      .getByTestId('till-product')
      .filter({ has: page.getByText(fromBar.label, { exact: true }) });
    await barRow.first().waitFor();
    expect(await barRow.first().getByTestId('till-source').textContent()).toBe('Caisse : Bar');
    for (const p of [fromRestaurant, fromBar])
      await contextApi(context, server.url, 'POST', `${api}/till-products/${p.id}/link`, {
        target: { kind: 'drink', drinkId: drink.id },
        factor: 1,
      });

    // The drink's Ventes tab: both tills' sales, their revenue added, and the stock moved by both.
    const sales = await contextApi<Sales>(
      context,
      server.url,
      'GET',
      `${api}/drinks/${drink.id}/sales?from=2026-11-01&to=2026-11-30`,
    );
    const expected = fromRestaurant.quantitySold + fromBar.quantitySold;
    expect(sales.totals.quantity).toBeCloseTo(expected, 6);
    await page.goto(`${server.url}/e/${eid}/boissons/${drink.id}`);
    await page.getByRole('link', { name: 'Ventes', exact: true }).click();
    await page.getByLabel('Du', { exact: true }).fill('2026-11-01');
    await page.getByLabel('Au', { exact: true }).fill('2026-11-30');
    await page.getByRole('button', { name: 'Afficher' }).click();
    const rows = page.getByTestId('sale-day');
    await expect.poll(() => rows.filter({ hasText: 'Caisse : Restaurant' }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: 'Caisse : Bar' }).count()).toBeGreaterThan(0);
    expect(frNumber(await page.getByTestId('sales-quantity').textContent())).toBeCloseTo(expected, 2);
    expect(frNumber(await page.getByTestId('sales-revenue').textContent())).toBeCloseTo(
      sales.totals.revenueCents / 100,
      2,
    );
    expect(frNumber(await page.getByTestId('drink-stock').textContent())).toBeCloseTo(100 - expected, 2);

    // An earlier night of the bar with malformed orders: each quarantined line says its till.
    hubrise.setFaults('*', { badRecordRate: 0.3 });
    await contextApi(context, server.url, 'POST', `${api}/imports`, {
      from: '2026-11-23',
      to: '2026-11-23',
      tillId: fromBar.tillId,
    });
    await page.goto(`${server.url}/e/${eid}/imports`);
    const quarantined = page.locator('.quarantine-list li');
    await expect.poll(() => quarantined.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await quarantined.filter({ hasText: 'Caisse : Bar' }).count()).toBe(await quarantined.count());
    hubrise.clearFaults();
    await context.close();
  });

  it('talked only to the local server, without a script error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
