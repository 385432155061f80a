import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIRequestContext, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseLabel } from '../../src/matching/parse.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';
import { startE2eServer, type E2eServer } from '../helpers/e2eServer.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';
const KML = 'lepetitzinc-70001';
const WINE = 'Domaine de la Carte';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * Issue 16's story in Chromium: bottle and glass till products linked to a wine, the wine published on the
 * Carte page, the public page on a phone (without JavaScript) showing both prices and the glass volume; the last
 * bottle sold at the simulated till and imported takes it off; a receipt brings it back; the PDF reads right.
 */
describe.skipIf(skip)('la carte des vins, end to end in Chromium', () => {
  let sim: AsterioSimulator;
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  const blocked: string[] = [];

  beforeAll(async () => {
    sim = createAsterioSimulator({ seed: 7 });
    await sim.listen(0);
    server = await startE2eServer();
    browser = await launchChromium();
    context = await localOnlyContext(browser, server.url, blocked, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  /** The API as the signed-in browser calls it, CSRF header included. */
  async function call(request: APIRequestContext, method: string, url: string, data?: unknown) {
    const cookies = await context.cookies(server.url);
    const csrf = cookies.find((c) => c.name === 'cellier_csrf')?.value ?? '';
    const res = await request.fetch(`${server.url}${url}`, {
      method,
      headers: { 'x-csrf-token': csrf },
      ...(data === undefined ? {} : { data }),
    });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
    return res.status() === 204 ? null : ((await res.json()) as unknown);
  }

  async function importAndWait(api: APIRequestContext, base: string, body: Record<string, string>) {
    await call(api, 'POST', `${base}/imports`, body);
    for (let i = 0; i < 300; i++) {
      const o = (await call(api, 'GET', `${base}/imports`)) as {
        pending: string[];
        runs: { status: string }[];
      };
      if (o.pending.length === 0 && !o.runs.some((r) => r.status === 'running')) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('import never finished');
  }

  it('publishes a till-priced wine, hides it when the till sells the last bottle, shows it again, prints it', async () => {
    const api = context.request;
    await api.get(`${server.url}/api/auth/me`);
    await call(api, 'POST', '/api/auth/signup', {
      email: 'cave@carte.test',
      password: 'un-mot-de-passe-solide',
    });
    const est = (await call(api, 'POST', '/api/establishments', { name: 'Le Petit Zinc' })) as { id: string };
    const base = `/api/establishments/${est.id}`;
    await call(api, 'POST', `${base}/tills`, sim.credentials(KML));
    await importAndWait(api, base, {});
    const overview = (await call(api, 'GET', `${base}/imports`)) as { lastClosedDay: string };
    const day = overview.lastClosedDay;

    // 1. Link a bottle and a glass product to a wine (products with no sale of their own after now).
    const products = sim.till(KML).products();
    const bottle = products.find((p) => p.category === 'wine_btl' && parseLabel(p.label).serving !== 'glass');
    const glass = products.find((p) => parseLabel(p.label).serving === 'glass');
    expect(bottle && glass).toBeTruthy();
    if (!bottle || !glass) return;
    const idOf = async (label: string) => {
      const found = (await call(api, 'GET', `${base}/till-products?q=${encodeURIComponent(label)}`)) as {
        items: { id: string; label: string }[];
      };
      return found.items.find((p) => p.label === label)?.id;
    };
    const drink = (await call(api, 'POST', `${base}/drinks`, {
      producer: WINE,
      appellationId: 'cotes-du-rhone',
      colour: 'rouge',
      vintage: 2022,
      salePrice: 30,
    })) as { id: string };
    await call(api, 'POST', `${base}/drinks/${drink.id}/movements`, { kind: 'receipt', quantity: 1 });
    for (const [p, factor] of [
      [bottle, 1],
      [glass, 0.16],
    ] as const) {
      const id = await idOf(p.label);
      expect(id, p.label).toBeTruthy();
      await call(api, 'POST', `${base}/till-products/${id}/link`, {
        target: { kind: 'drink', drinkId: drink.id },
        factor,
      });
    }

    // 2. Publish it on the Carte page, on a phone.
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${est.id}/carte`);
    await page.getByLabel('Nom de la nouvelle carte').fill('Carte des vins');
    await page.getByRole('button', { name: 'Créer la carte' }).click();
    await page.getByLabel('Chercher dans la cave').fill('Carte');
    await page.getByRole('button', { name: `Ajouter ${WINE}` }).click();
    await expect.poll(() => page.locator('.carte-entry').count()).toBe(1);
    await page.getByRole('button', { name: 'Publier' }).click();
    const link = page.getByRole('link', { name: 'Voir la page publique' });
    await link.waitFor();
    const publicPath = (await link.getAttribute('href')) ?? '';
    expect(publicPath).toMatch(/^\/carte\/[a-z0-9]{20}$/);

    // 3. The public page on a phone, without JavaScript: both prices and the glass volume.
    const visitor = await localOnlyContext(browser, server.url, blocked, {
      ...PHONE,
      javaScriptEnabled: false,
    });
    const pub = await visitor.newPage();
    const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
    await pub.goto(`${server.url}${publicPath}`);
    const text = async () => (await pub.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(await text()).toContain(WINE);
    expect(await text()).toContain(euros(bottle.priceCents));
    expect(await text()).toContain(euros(glass.priceCents));
    expect(await text()).toMatch(/Verre \d+(,\d)? cl/);
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // 4. The till sells the last bottle; after the import the wine is gone.
    sim.till(KML).addSale({ day, productId: bottle.id, quantity: 1, at: new Date() });
    await importAndWait(api, base, { from: day, to: day });
    await pub.reload();
    expect(await text()).not.toContain(WINE);

    // 5. Bottles received: it is back.
    await call(api, 'POST', `${base}/drinks/${drink.id}/movements`, { kind: 'receipt', quantity: 6 });
    await pub.reload();
    expect(await text()).toContain(WINE);

    // 6. The PDF, read by poppler's pdftotext.
    const pdf = await visitor.request.get(`${server.url}${publicPath}/carte.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carte-')), 'carte.pdf');
    fs.writeFileSync(file, await pdf.body());
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(pdfText).toContain(WINE);
    expect(pdfText).toContain(euros(bottle.priceCents));
    expect(pdfText).toMatch(/Verre \d+(,\d)? cl/);
    expect(pdfText).toContain('Contient des sulfites.');
    expect(blocked).toEqual([]);
    await visitor.close();
  });
});
