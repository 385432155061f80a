import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

// Issue 9, defect 13: `npm install` warned EBADENGINE (cookie@2 wants Node ≥ 22) while `engines` says ≥ 20.19.
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies: (version: string, range: string) => boolean;
  minVersion: (range: string) => { version: string } | null;
};

it('locks only packages whose engines accept the oldest Node that package.json allows', () => {
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const oldest = semver.minVersion(manifest.engines.node)?.version ?? '';
  expect(oldest).toBe('20.19.0');
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[] }>;
  };
  const refused = Object.entries(lock.packages)
    .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
    .filter(([, p]) => !semver.satisfies(oldest, (p.engines as { node: string }).node))
    .map(([name]) => name);
  expect(refused).toEqual([]);
});
