import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-cli-'));

function cellier(...args: string[]) {
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'src/cli/main.ts'), ...args],
    {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('cellier CLI validates what it gets', () => {
  it.each([
    [['import', '--establishment', 'pas-un-uuid', '--date', '2026-11-26'], /uuid attendu/],
    [
      ['import', '--establishment', '6e65752e-8462-4d10-ad37-37714b4e6858', '--date', '2026-02-30'],
      /AAAA-MM-JJ/,
    ],
    [
      [
        'import',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--date',
        '2026-11-26',
        '--from',
        '2026-11-20',
      ],
      /--date, ou --from et --to/,
    ],
    [
      [
        'import',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--from',
        '2026-11-26',
        '--to',
        '2026-11-20',
      ],
      /--from doit précéder --to/,
    ],
    [
      [
        'library-import',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--file',
        '/nulle/part.csv',
        '--map',
        'producteur=Domaine',
      ],
      /association « producteur=Domaine » invalide/,
    ],
    [['stock', 'rebuild', '--establishment', 'pas-un-uuid'], /uuid attendu/],
    [
      ['stock', 'rebuild', '--establishment', '6e65752e-8462-4d10-ad37-37714b4e6858'],
      /établissement inconnu/,
    ],
  ])('%j fails with a French message and exit code 2', (args, message) => {
    const { code, out } = cellier(...args);
    expect(code).toBe(2);
    expect(out).toMatch(message);
  });

  it('rebuilds the stock summary of every drink', () => {
    const { code, out } = cellier('stock', 'rebuild');
    expect(out).toMatch(/Stock recalculé pour \d+ boissons/);
    expect(code).toBe(0);
  });

  it('says which establishment has no till connection', () => {
    const { code, out } = cellier(
      'import',
      '--establishment',
      '6e65752e-8462-4d10-ad37-37714b4e6858',
      '--date',
      '2026-11-26',
    );
    expect(code).toBe(1);
    expect(out).toMatch(/Connexion caisse introuvable/);
  });
});
