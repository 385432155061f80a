import { SHIPPED_PRESETS } from '../../src/tills/salesFile/presets.ts';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inTransaction } from '../../src/db/transaction.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertEstablishment, insertMembership } from '../../src/db/repositories/establishments.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import {
  applySalesFileImport,
  prepareSalesFileImport,
} from '../../src/services/salesFiles/importSalesFile.ts';
import { salesFileSettingsSchema } from '../../src/services/salesFiles/settings.ts';
import { mulberry32 } from '../../src/tills/simulator/prng.ts';
import { ticketLinesCsv, windows1252, type FileSale } from '../../test/helpers/salesFiles.ts';
import { createBenchDatabase } from './importBenchSetup.ts';

export type SalesFileFigures = {
  lines: number;
  days: number;
  bytes: number;
  importMs: number;
  fileLinesPerSec: number;
  copyMs: number;
  copyLinesPerSec: number;
  fileRatio: number;
  samples: number[];
};

const CARD = [
  { code: 'BTL-CHAB', label: 'BTL Chablis 1er Cru Fourchaume 2021', family: 'Vins blancs', cents: 5200 },
  { code: 'BTL-MARG', label: 'BTL Margaux Château Giscours 2018', family: 'Vins rouges', cents: 9800 },
  { code: 'BTL-CDR', label: 'BTL Côtes du Rhône Guigal 2022', family: 'Vins rouges', cents: 3400 },
  { code: 'BTL-SANC', label: 'BTL Sancerre Vacheron 2023', family: 'Vins blancs', cents: 4600 },
  { code: 'BTL-CREM', label: 'BTL Crémant d’Alsace Brut', family: 'Bulles', cents: 3900 },
  { code: 'BTL-CHAMP', label: 'BTL Champagne Pol Roger Brut', family: 'Bulles', cents: 8900 },
  { code: '', label: 'Verre Côtes du Rhône 12cl', family: 'Vins au verre', cents: 650 },
  { code: '', label: 'Verre Chablis 12cl', family: 'Vins au verre', cents: 900 },
  { code: '', label: 'Verre Sancerre 12cl', family: 'Vins au verre', cents: 850 },
  { code: '', label: 'Coupe Crémant', family: 'Vins au verre', cents: 800 },
  { code: 'PRS-25', label: 'Pression 25cl', family: 'Bières', cents: 450 },
  { code: 'PRS-50', label: 'Pression 50cl', family: 'Bières', cents: 800 },
  { code: 'BIO-IPA', label: 'IPA Brasserie du Mont Blanc 33cl', family: 'Bières', cents: 650 },
  { code: '', label: 'Spritz Apérol', family: 'Cocktails', cents: 950 },
  { code: '', label: 'Mojito', family: 'Cocktails', cents: 1100 },
  { code: '', label: 'Gin tonic Hendrick’s', family: 'Cocktails', cents: 1300 },
  { code: 'SOFT-COCA', label: 'Coca-Cola 33cl', family: 'Softs', cents: 450 },
  { code: 'SOFT-PER', label: 'Perrier 33cl', family: 'Softs', cents: 400 },
  { code: '', label: 'Café expresso', family: 'Boissons chaudes', cents: 220 },
  { code: '', label: 'Planche mixte', family: 'Cuisine', cents: 1900 },
] as const;

/**
 * A year of a busy bar as one sales file: ticket lines over 365 days (~550 a day), a third of the products
 * without a code, `;`, decimal commas, Windows-1252, a title line above the header (as French tills write it).
 */
export function busyBarYear(targetLines: number, lastDay: string): FileSale[] {
  const rand = mulberry32(15);
  const days = 365;
  const perDay = Math.ceil(targetLines / days);
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  const sales: FileSale[] = [];
  for (let d = days - 1; d >= 0 && sales.length < targetLines; d--) {
    const day = new Date(end - d * 86_400_000).toISOString().slice(0, 10);
    let ticketNo = 0;
    for (let n = 0; n < perDay && sales.length < targetLines;) {
      ticketNo++;
      const minute = 11 * 60 + Math.floor((ticketNo * 757) % (13 * 60));
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const ticket = `T${day.replaceAll('-', '')}-${ticketNo}`;
      const size = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < size && n < perDay && sales.length < targetLines; k++, n++) {
        const item = CARD[Math.floor(rand() * CARD.length)] ?? CARD[0];
        const quantity = rand() < 0.02 ? -1 : 1 + Math.floor(rand() * 3);
        sales.push({
          day,
          time,
          ticket,
          ...(item.code ? { code: item.code } : {}),
          label: item.label,
          family: item.family,
          quantity,
          unitCents: item.cents,
        });
      }
    }
  }
  return sales;
}

/**
 * The sales-file line of bench:import: the whole import (stream parse of the file, products, every day's lines,
 * the upload record, one transaction) of a year of a busy bar into a fresh establishment on PostgreSQL, median of
 * `repeat` runs after an untimed warm-up; against a raw server-side COPY of the same stored rows into the same
 * table, in the same run.
 */
export async function benchSalesFile(input: {
  lines: number;
  lastDay: string;
  now: string;
  repeat: number;
}): Promise<SalesFileFigures> {
  const clock = fixedClock(input.now);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-bench-file-'));
  const csv = path.join(dir, 'ventes.csv');
  const dump = path.join(dir, 'sale_line.copy');
  fs.writeFileSync(csv, windows1252(ticketLinesCsv(busyBarYear(input.lines, input.lastDay))));
  const bytes = fs.statSync(csv).size;
  const db = await createBenchDatabase('postgres');
  try {
    const account = await insertAccount(db.db, {
      email: 'bench@cellier.test',
      passwordHash: 'x',
      displayName: null,
      locale: 'fr',
    });
    // The file is written in the shipped ticket-lines template: its preset maps it.
    const ticketLines = SHIPPED_PRESETS.find((p) => p.name === 'Modèle Cellier — lignes de ticket');
    if (!ticketLines) throw new Error('preset « Modèle Cellier — lignes de ticket » missing');
    const settings = salesFileSettingsSchema.parse({ mapping: ticketLines.mapping });
    const runs: { ms: number; lines: number; days: number }[] = [];
    let lastEstablishment = '';
    for (let i = 0; i <= input.repeat; i++) {
      const establishment = await insertEstablishment(db.db, {
        name: `Bar ${i}`,
        timeZone: 'Europe/Paris',
        dayCutoffHour: 4,
      });
      await insertMembership(db.db, {
        establishmentId: establishment.id,
        accountId: account.id,
        role: 'owner',
      });
      const t0 = performance.now();
      const prepared = await prepareSalesFileImport(
        db.db,
        account.id,
        establishment.id,
        csv,
        { name: 'ventes.csv', sizeBytes: bytes, sha256: `bench-${i}` },
        settings,
      );
      const result = await inTransaction(db.db, (trx) => applySalesFileImport(trx, prepared, clock));
      const ms = performance.now() - t0;
      if (result.badCount > 0) throw new Error(`${result.badCount} bad lines in the bench file`);
      if (i > 0) runs.push({ ms, lines: result.lines, days: result.days.length });
      lastEstablishment = establishment.id;
    }
    const lines = runs[0]?.lines ?? 0;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from sale_line where establishment_id = ${lastEstablishment}`.execute(db.db);
    if (rows[0]?.n !== lines) throw new Error(`stored ${rows[0]?.n} lines, the import says ${lines}`);

    // The raw reference: one import's stored rows, COPYed back into the same table (indexes included).
    execFileSync('psql', [
      db.url ?? '',
      '-qAt',
      '-c',
      `\\copy (select * from sale_line where establishment_id = '${lastEstablishment}') to '${dump}'`,
    ]);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(dump, 0o644);
    await sql`truncate sale_line`.execute(db.db);
    const c0 = performance.now();
    await sql`${sql.raw(`copy sale_line from '${dump}'`)}`.execute(db.db);
    const copyMs = performance.now() - c0;

    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    const importMs = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const fileLinesPerSec = lines / (importMs / 1000);
    const copyLinesPerSec = lines / (copyMs / 1000);
    return {
      lines,
      days: runs[0]?.days ?? 0,
      bytes,
      importMs,
      fileLinesPerSec,
      copyMs,
      copyLinesPerSec,
      fileRatio: fileLinesPerSec / copyLinesPerSec,
      samples: runs.map((r) => Math.round(r.ms)),
    };
  } finally {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
