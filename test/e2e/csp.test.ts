import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startE2eServer, WEB_DIST, type E2eServer } from '../helpers/e2eServer.ts';
import { launchChromium, localOnlyContext } from '../helpers/e2eBrowser.ts';

const skip = !inject('chromiumAvailable') || process.env.CELLIER_E2E_SKIP === '1';

// The built SPA runs under the Content-Security-Policy: no inline script, and no violation on any page.
describe.skipIf(skip)('the SPA under its Content-Security-Policy, in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds an index.html without inline scripts or inline styles', () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\son[a-z]+=|style="/);
  });

  it('loads every page with the policy in force and reports no violation', async () => {
    const blocked: string[] = [];
    const problems: string[] = [];
    const context = await localOnlyContext(browser, server.url, blocked);
    // Init scripts go through DevTools, not the page, so the policy does not apply to this listener.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(msg.text());
    });

    const first = await page.goto(`${server.url}/connexion`);
    expect(first?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(first?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await page.getByLabel('Adresse e-mail').fill('csp@bistrot.test');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel("Nom de l'établissement").fill('Le Bistrot');
    await page.getByRole('button', { name: "Créer l'établissement" }).click();
    await page.getByRole('heading', { name: 'Boissons' }).waitFor();
    const eid = /\/e\/([^/]+)\//.exec(page.url())?.[1];
    expect(eid).toBeDefined();
    for (const p of [
      'boissons/nouvelle',
      'inventaire',
      'parametres',
      'imports',
      'carte',
      'synchronisation',
    ]) {
      await page.goto(`${server.url}/e/${eid}/${p}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${server.url}/compte`);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    // The watch works: an injected inline script is refused and reported.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.join('\n')).toMatch(/CSP violation: script-src/);
    await context.close();
  });
});
