import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stopDemoSimulator } from '../../src/services/demo/demoTill.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';
import { CHROMIUM_PATH } from '../helpers/requireChromium.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';

describe.skipIf(skip)('the demo establishment, from the welcome page', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stopDemoSimulator();
  });

  it('offers the demo on an empty account and opens it with a full work list', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    const blocked: string[] = [];
    await context.route('**/*', async (route) => {
      if (route.request().url().startsWith(origin)) await route.continue();
      else {
        blocked.push(route.request().url());
        await route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/inscription`);
    await page.getByLabel('Adresse e-mail').fill('curieux@demo.test');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('button', { name: 'Créer la démo' }).click();
    await page.getByRole('heading', { name: 'Boissons' }).waitFor({ timeout: 60_000 });
    const link = page.getByRole('link', { name: /\d+ boissons? à synchroniser/ });
    await link.waitFor();
    expect(Number((await link.textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(20);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
