import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stopDemoSimulator } from '../../src/services/demo/demoTill.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';

describe.skipIf(skip)('the demo establishment, from the welcome page', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stopDemoSimulator();
  });

  it('offers the demo on an empty account and opens it with a full work list', async () => {
    const blocked: string[] = [];
    const context = await localOnlyContext(browser, server.url, blocked, {
      viewport: { width: 1280, height: 900 },
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
