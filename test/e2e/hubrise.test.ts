import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { createHubriseSimulator, type HubriseSimulator } from '../../src/tills/simulator/hubrise/index.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';
const BTL = 'BTL JADOT BEAUJOLAIS 21';

describe.skipIf(skip)('HubRise, end to end in Chromium against the HubRise simulator', () => {
  let sim: HubriseSimulator;
  let server: E2eServer;
  let browser: Browser;
  const clock = fixedClock('2026-11-27T09:00:00Z');
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sim = createHubriseSimulator({ seed: 5, clock });
    await sim.listen(0);
    server = await startE2eServer({ clock });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  const product = (page: Page, label: string) =>
    page.getByTestId('till-product').filter({ has: page.getByText(label, { exact: true }) });

  it('connects the HubRise location from Paramètres › Caisse (a refused token said so), imports, links a product', async () => {
    const location = sim.locations.find((l) => l.till.restaurant.kmlcode === 'lepetitzinc-70001');
    const creds = sim.credentials(location?.locationId);
    const context = await localOnlyContext(browser, server.url, blocked, {
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await page.goto(`${server.url}/inscription`);
    await page.getByLabel('Adresse e-mail').fill('patron@hubrise.test');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel("Nom de l'établissement").fill('Le Petit Zinc');
    await page.getByRole('button', { name: "Créer l'établissement" }).click();
    await page.getByRole('heading', { name: 'Boissons' }).waitFor();

    // Paramètres › Caisse: HubRise, its location, the simulator as API origin, a wrong token first.
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('heading', { name: 'Caisse' }).waitFor();
    await page.getByRole('combobox', { name: 'Caisse' }).selectOption('hubrise');
    await page.getByLabel('Point de vente HubRise').fill(creds.locationId);
    await page.getByLabel('Adresse de l’API').fill(creds.apiOrigin);
    await page.getByLabel('Jeton d’accès', { exact: true }).fill('jetonfaux0000000000000000');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByRole('alert').filter({ hasText: 'Identifiants refusés' }).waitFor();
    // The known bug: no tick beside a token that HubRise refused; the refusal is said in French.
    await page.getByText('Jeton d’accès enregistré, mais refusé par HubRise', { exact: false }).waitFor();
    expect(await page.getByText('Jeton d’accès enregistré', { exact: true }).count()).toBe(0);

    await page.getByLabel('Remplacer le jeton d’accès').fill(creds.accessToken);
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByRole('status').filter({ hasText: 'Connexion réussie.' }).waitFor();
    await page.getByText('Jeton d’accès enregistré', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(creds.accessToken);

    // Imports: two closed nights from HubRise.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Imports' })
      .click();
    await page.getByRole('heading', { name: 'Imports caisse' }).waitFor();
    await page.getByLabel('Réimporter du').fill('2026-11-25');
    await page.getByLabel('au', { exact: true }).fill('2026-11-26');
    await page.getByRole('button', { name: 'Réimporter' }).click();
    await page.getByText('2 / 2 journées importées').waitFor();
    expect(server.importErrors).toEqual([]);

    // The work list: link the Jadot bottle with Oui, 6 bottles on hand.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Boissons' })
      .click();
    await page.getByRole('link', { name: /boissons à synchroniser/ }).click();
    await page.getByRole('searchbox', { name: 'Rechercher un libellé' }).fill('jadot');
    await product(page, BTL).waitFor();
    await page.getByRole('button', { name: `Synchroniser ${BTL}` }).click();
    const panel = page.getByRole('dialog');
    await panel.getByTestId('proposal-title').filter({ hasText: 'Louis Jadot' }).waitFor();
    await panel.getByLabel("Combien en cave aujourd'hui ?").fill('6');
    await panel.getByRole('button', { name: /^Oui/ }).click();
    await page.getByText(`« ${BTL} » synchronisé avec Louis Jadot`).waitFor();
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
