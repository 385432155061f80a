import fs from 'node:fs';
import type { TestProject } from 'vitest/node';

export const CHROMIUM_PATH = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumAvailable: boolean;
  }
}

/** The end-to-end suite needs Debian's Chromium: mandatory in CI, loudly skipped elsewhere. */
export default function requireChromium(project: TestProject): void {
  if (fs.existsSync(CHROMIUM_PATH)) {
    project.provide('chromiumAvailable', true);
    delete process.env.CELLIER_E2E_SKIP;
    return;
  }
  const message = `Chromium introuvable (${CHROMIUM_PATH}) : installez le paquet Debian chromium (apt-get install -y chromium).`;
  if (process.env.CI === 'true' || process.env.REQUIRE_ALL_SUITES === '1') throw new Error(message);
  console.warn(`\n⚠ Suite end-to-end IGNORÉE : ${message}\n`);
  process.env.CELLIER_E2E_SKIP = '1';
  project.provide('chromiumAvailable', false);
}
