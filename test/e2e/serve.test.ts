/**
 * Issue 9: what `npm start` runs must work. The real `cellier serve` process (the production composition root,
 * scheduler on) on PGlite and on PostgreSQL; in Chromium, the README's simulator is connected through the UI,
 * "Importer maintenant" imports the last night, 30 days of history follow, and the demo imports all 28 nights.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { ensureWebBuild } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';
import { startServedProcess, type ServedProcess } from '../helpers/servedProcess.ts';
import { urlOf } from '../helpers/workerSetup.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';
const KMLCODE = 'lepetitzinc-70001';

type Overview = { runs: { businessDay: string; status: string }[]; pending: string[] };

describe.skipIf(skip).each(['pglite', 'postgres'] as const)(
  'cellier serve, as npm start runs it [%s]',
  (kind) => {
    let server: ServedProcess;
    let sim: AsterioSimulator;
    let browser: Browser;
    let database: TestDatabase | undefined;
    const blocked: string[] = [];

    beforeAll(async () => {
      if (kind === 'postgres' && !inject('postgresAvailable')) return;
      ensureWebBuild();
      // The README's simulator, on the real clock like the served process: yesterday is a closed day.
      sim = createAsterioSimulator({ seed: 1 });
      await sim.listen(0);
      database = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
      server = await startServedProcess({
        CELLIER_DEV_LOCAL_TILLS: 'true',
        ...(database ? { DATABASE_URL: await urlOf(database.db) } : {}),
      });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await sim?.close();
      await database?.drop();
    });

    async function signUp(page: Page, email: string) {
      await page.goto(`${server.url}/inscription`);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
    }

    /** The import overview of an establishment, read over the HTTP API with the page's session. */
    async function overview(page: Page, id: string): Promise<Overview> {
      const res = await page.request.get(`${server.url}/api/establishments/${id}/imports`);
      expect(res.status()).toBe(200);
      return (await res.json()) as Overview;
    }

    async function waitForNights(page: Page, id: string, nights: number) {
      for (;;) {
        const o = await overview(page, id);
        const done = new Set(o.runs.filter((r) => r.status === 'succeeded').map((r) => r.businessDay));
        if (done.size >= nights && o.pending.length === 0) return done.size;
        expect(o.runs.filter((r) => r.status === 'failed')).toEqual([]);
        await page.waitForTimeout(500);
      }
    }

    it('connects the simulator, imports the last night and 30 days of history, and the full demo', async (ctx) => {
      if (kind === 'postgres' && !inject('postgresAvailable')) ctx.skip();
      expect(server.output()).toMatch(/CELLIER_DEV_LOCAL_TILLS/);
      const context = await localOnlyContext(browser, server.url, blocked, {
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await signUp(page, `patron-${kind}@zinc.test`);
      await page.getByLabel("Nom de l'établissement").fill('Le Petit Zinc');
      await page.getByRole('button', { name: "Créer l'établissement" }).click();
      await page.getByRole('heading', { name: 'Boissons' }).waitFor();
      const eid = /\/e\/([^/]+)/.exec(page.url())?.[1] ?? '';

      // Paramètres › Caisse: the simulator's credentials as it prints them.
      const creds = sim.credentials(KMLCODE);
      await page.getByRole('link', { name: 'Paramètres' }).click();
      await page.getByLabel('Domaine', { exact: true }).fill(creds.domain);
      await page.getByLabel('Kmlcode', { exact: true }).fill(creds.kmlcode);
      await page.getByLabel('Identifiant', { exact: true }).fill(creds.identifier);
      await page.getByLabel('Code site', { exact: true }).fill(creds.siteCode);
      await page.getByLabel('Mot de passe', { exact: true }).fill(creds.password);
      await page.getByRole('button', { name: 'Tester la connexion' }).click();
      await page.getByRole('status').filter({ hasText: 'Connexion réussie.' }).waitFor();

      // Imports: "Importer maintenant" imports the last closed night, with progress.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Imports' })
        .click();
      await page.getByRole('button', { name: 'Importer maintenant' }).click();
      await page.getByText('1 / 1 journées importées').waitFor({ timeout: 120_000 });

      // History: the 30 days up to the last closed one.
      const last = (await page.getByLabel('Réimporter du').getAttribute('max')) ?? '';
      const from = new Date(`${last}T12:00:00Z`);
      from.setUTCDate(from.getUTCDate() - 29);
      await page.getByLabel('Réimporter du').fill(from.toISOString().slice(0, 10));
      await page.getByLabel('au', { exact: true }).fill(last);
      await page.getByRole('button', { name: 'Réimporter', exact: true }).click();
      await page.getByText('30 / 30 journées importées').waitFor({ timeout: 300_000 });
      expect(await waitForNights(page, eid, 30)).toBe(30);
      await context.close();

      // The demo, from the welcome page of a new account: all 28 nights imported by the served queue.
      const demoContext = await localOnlyContext(browser, server.url, blocked);
      const demoPage = await demoContext.newPage();
      await signUp(demoPage, `curieux-${kind}@demo.test`);
      await demoPage.getByRole('button', { name: 'Créer la démo' }).click();
      await demoPage.getByRole('heading', { name: 'Boissons' }).waitFor({ timeout: 60_000 });
      const demoId = /\/e\/([^/]+)/.exec(demoPage.url())?.[1] ?? '';
      expect(await waitForNights(demoPage, demoId, 28)).toBe(28);
      await demoContext.close();
      expect(blocked).toEqual([]);
    }, 600_000);
  },
);
