/**
 * Issue 9, a newcomer's first steps in Chromium, on the production composition (scheduler on) and the Astério
 * simulator over HTTP: a refused password (defect 8), an empty work list before any import (5), the history
 * offered on first connection with live progress (12), sale days on the work list (9), filters kept across the
 * views (10) and the not-a-drink proposals (6).
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';
const KMLCODE = 'lepetitzinc-70001';

type Item = {
  label: string;
  family: string | null;
  firstSeenOn: string;
  firstSoldOn: string | null;
  lastSoldOn: string | null;
};

describe.skipIf(skip)('a newcomer connects the till, in Chromium [issue 9]', () => {
  let sim: AsterioSimulator;
  let server: E2eServer;
  let browser: Browser;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The simulator on the real clock, like the served app: yesterday is a closed day on both.
    sim = createAsterioSimulator({ seed: 7 });
    await sim.listen(0);
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name }).click();
  /** The app's own date format, computed in the page so that Chromium's ICU decides. */
  const frDay = (page: Page, day: string) =>
    page.evaluate(
      (d) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00`)),
      day,
    );

  it('refused password, nothing imported yet, 30 days of history, sale days and filters', async () => {
    const context = await localOnlyContext(browser, server.url, blocked, {
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/inscription`);
    await page.getByLabel('Adresse e-mail').fill('nouveau@zinc.test');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel("Nom de l'établissement").fill('Le Petit Zinc');
    await page.getByRole('button', { name: "Créer l'établissement" }).click();
    await page.getByRole('heading', { name: 'Boissons' }).waitFor();
    const eid = /\/e\/([^/]+)/.exec(page.url())?.[1] ?? '';

    // Defect 8: a refused password gives one French message, no HTTP detail, and no green tick.
    const creds = sim.credentials(KMLCODE);
    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await page.getByLabel('Domaine', { exact: true }).fill(creds.domain);
    await page.getByLabel('Kmlcode', { exact: true }).fill(creds.kmlcode);
    await page.getByLabel('Identifiant', { exact: true }).fill(creds.identifier);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Identifiants refusés' });
    await refused.waitFor();
    expect(await refused.textContent()).not.toMatch(/HTTP|GET |genericdata|401/);
    const saved = page.locator('.till-saved-password');
    expect(await saved.textContent()).toContain('refusé par la caisse');
    expect(await saved.textContent()).not.toContain('✓');
    expect(await page.getByText('Mot de passe enregistré', { exact: true }).count()).toBe(0);

    // Defect 5: connected but nothing imported: the work list says so, with the import state.
    await nav(page, 'Boissons');
    await page.getByRole('link', { name: 'Aucune vente importée' }).click();
    const noSales = page.getByTestId('no-sales');
    await noSales.waitFor();
    expect(await noSales.textContent()).toContain('Aucune vente importée pour l’instant.');
    expect(await noSales.textContent()).toContain('Aucun import lancé');
    expect(await page.getByText('Toutes les boissons sont synchronisées').count()).toBe(0);
    expect(await page.getByText('Rien à synchroniser').count()).toBe(0);
    // Imports offers the history too while nothing was imported.
    await nav(page, 'Imports');
    await page.getByTestId('history-offer').waitFor();

    // Defect 12: the right password, then one click imports the last 30 days with live progress on Imports.
    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await page.getByLabel('Remplacer le mot de passe', { exact: true }).fill(creds.password);
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByRole('status').filter({ hasText: 'Connexion réussie.' }).waitFor();
    await page.getByText('Mot de passe enregistré', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Importer les 30 derniers jours' }).click();
    await page.getByRole('heading', { name: 'Imports caisse' }).waitFor();
    const progress = page.locator('.imports-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/^\d+ \/ 30 journées importées$/);
    await page.getByText('30 / 30 journées importées').waitFor({ timeout: 240_000 });
    await expect.poll(() => page.locator('.runs-table tbody tr').count()).toBe(30);
    expect(await page.getByTestId('history-offer').count()).toBe(0);
    expect(server.importErrors).toEqual([]);

    // Defect 9: a product first sold after the first imported day shows its first and last sale days.
    const list = await context.request
      .get(`${server.url}/api/establishments/${eid}/till-products?pageSize=200`)
      .then((r) => r.json() as Promise<{ items: Item[] }>);
    const late = list.items.find((i) => i.firstSoldOn && i.firstSoldOn > i.firstSeenOn);
    if (!late?.firstSoldOn || !late.lastSoldOn)
      throw new Error('no product first sold after its first import');
    await page.goto(`${server.url}/e/${eid}/synchronisation?q=${encodeURIComponent(late.label)}`);
    const row = page
      .getByTestId('till-product')
      .filter({ has: page.getByText(late.label, { exact: true }) })
      .first();
    await row.waitFor();
    const first = await frDay(page, late.firstSoldOn);
    const last = await frDay(page, late.lastSoldOn);
    expect(await row.textContent()).toContain(`Ventes du ${first} au ${last}`);

    // Defect 10: "Liées" and back keep the search text and the filters.
    await page.goto(`${server.url}/e/${eid}/synchronisation`);
    await page.getByLabel('Famille').selectOption('VINS ROUGES');
    await page.getByRole('combobox', { name: 'Ventes' }).selectOption('true');
    await page.getByRole('searchbox', { name: 'Rechercher un libellé' }).fill('ch');
    await page.waitForURL(/q=ch/);
    await page.getByRole('link', { name: 'Liées' }).click();
    await page.waitForURL(/vue=linked/);
    const kept = new URL(page.url()).searchParams;
    expect([kept.get('famille'), kept.get('vendus'), kept.get('q')]).toEqual(['VINS ROUGES', 'true', 'ch']);
    expect(await page.getByLabel('Famille').inputValue()).toBe('VINS ROUGES');
    expect(await page.getByRole('combobox', { name: 'Ventes' }).inputValue()).toBe('true');
    await page.getByRole('link', { name: 'À synchroniser' }).click();
    await page.waitForURL((url) => !url.searchParams.has('vue'));
    expect(new URL(page.url()).searchParams.get('famille')).toBe('VINS ROUGES');
    expect(await page.getByRole('searchbox', { name: 'Rechercher un libellé' }).inputValue()).toBe('ch');

    // Defect 6: dishes and coffees are proposed as not drinks, listed; one family, then all, in one click each.
    await page.goto(`${server.url}/e/${eid}/synchronisation`);
    const notDrinks = page.getByRole('region', { name: /semblent? ne pas être/ });
    await notDrinks.waitFor();
    const proposed = Number(
      /^(\d+)/.exec((await notDrinks.locator('strong').first().textContent()) ?? '')?.[1],
    );
    expect(proposed).toBeGreaterThan(5);
    expect(await notDrinks.textContent()).not.toMatch(/\b(BTL|VRE|PICHET) /);
    const families = notDrinks.getByTestId('not-drink-family');
    const familyCount = await families.count();
    await families.first().getByRole('button').click();
    await page.getByText(/ignoré\(s\) : pas des boissons/).waitFor();
    await expect.poll(() => families.count()).toBe(familyCount - 1);
    await notDrinks.getByRole('button', { name: 'Les marquer tous : pas des boissons' }).click();
    await notDrinks.waitFor({ state: 'detached' });
    const ignored = await context.request
      .get(`${server.url}/api/establishments/${eid}/till-products?status=ignored&pageSize=1`)
      .then((r) => r.json() as Promise<{ total: number }>);
    expect(ignored.total).toBe(proposed);
    await context.close();
  }, 400_000);

  it('talked only to the local server, without a script error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
