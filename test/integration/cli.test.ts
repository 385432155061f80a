import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertEstablishment, insertMembership } from '../../src/db/repositories/establishments.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { openReadyDatabase } from '../../src/runtime.ts';
import { drinkWithBase } from '../helpers/countSetup.ts';

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
    [['report', 'bev-cost', '--from', '2026-11-01', '--to', '2026-11-30'], /--establishment requis/],
    [
      ['report', 'bev-cost', '--establishment', 'pas-un-uuid', '--from', '2026-11-01', '--to', '2026-11-30'],
      /uuid attendu/,
    ],
    [
      ['report', 'bev-cost', '--establishment', '6e65752e-8462-4d10-ad37-37714b4e6858', '--to', '2026-11-30'],
      /--from requis/,
    ],
    [
      [
        'report',
        'bev-cost',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--from',
        '2026-11-31',
        '--to',
        '2026-12-01',
      ],
      /--from : date AAAA-MM-JJ attendue/,
    ],
    [
      [
        'report',
        'bev-cost',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--from',
        '2026-11-30',
        '--to',
        '2026-11-01',
      ],
      /--from doit précéder --to/,
    ],
    [
      [
        'report',
        'bev-cost',
        '--establishment',
        '6e65752e-8462-4d10-ad37-37714b4e6858',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
      ],
      /Établissement introuvable|introuvable/,
    ],
  ])('%j fails with a French message and exit code 2', (args, message) => {
    const { code, out } = cellier(...args);
    expect(code).toBe(2);
    expect(out).toMatch(message);
  });

  it('prints the coût matière of a period: purchases at their price, consumption, margins', async () => {
    const handle = await openReadyDatabase({ databaseUrl: undefined, dataDir });
    let establishmentId = '';
    try {
      const owner = (
        await insertAccount(handle.db, {
          email: 'cli@zinc.fr',
          passwordHash: 'x',
          displayName: null,
          locale: 'fr',
        })
      ).id;
      const e = await insertEstablishment(handle.db, {
        name: 'Le Zinc CLI',
        timeZone: 'Europe/Paris',
        dayCutoffHour: 5,
      });
      establishmentId = e.id;
      await insertMembership(handle.db, { establishmentId, accountId: owner, role: 'owner' });
      await drinkWithBase(handle.db, owner, establishmentId, 'Domaine du Terminal', systemClock, {
        at: '2026-11-02T10:00:00Z',
        receipts: [
          { quantity: 24, price: 9.5, at: '2026-11-03T10:00:00Z' },
          { quantity: 12, price: 11, at: '2026-11-04T10:00:00Z' },
        ],
      });
    } finally {
      await handle.close();
    }
    const { code, out } = cellier(
      'report',
      'bev-cost',
      '--establishment',
      establishmentId,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
    );
    expect(out).toContain('Coût matière · Le Zinc CLI');
    expect(out).toMatch(/Achats \(€\)\s+360/);
    expect(out).toMatch(/Stock final \(€\)\s+360/);
    expect(out).toMatch(/Consommation au coût \(€\)\s+0/);
    expect(out).toContain('Par catégorie');
    expect(code).toBe(0);
  });

  it('rebuilds the stock summary of every drink', () => {
    const { code, out } = cellier('stock', 'rebuild');
    expect(out).toMatch(/Stock recalculé pour \d+ boissons/);
    expect(code).toBe(0);
  });

  it('says when the establishment has no till in use', () => {
    const { code, out } = cellier(
      'import',
      '--establishment',
      '6e65752e-8462-4d10-ad37-37714b4e6858',
      '--date',
      '2026-11-26',
    );
    expect(code).toBe(2);
    expect(out).toMatch(/Aucune caisse en service dans cet établissement/);
  });
});
