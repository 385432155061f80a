import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from './requireChromium.ts';

/** Debian's Chromium, headless, with the background traffic this closed network refuses switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** A French context that may only talk to `serverUrl`: anything else is aborted and recorded in `blocked`. */
export async function localOnlyContext(
  browser: Browser,
  serverUrl: string,
  blocked: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });
  const origin = new URL(serverUrl).origin;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else {
      blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return context;
}
