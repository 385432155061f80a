import type { Db } from '../../db/database.ts';
import {
  deleteSalesFilePreset,
  listSalesFilePresets,
  saveSalesFilePreset,
} from '../../db/repositories/salesFiles.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { columnMappingSchema, type ColumnMapping } from '../../tills/salesFile/mapping.ts';
import { SHIPPED_PRESETS } from '../../tills/salesFile/presets.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';

export type PresetView = { name: string; mapping: ColumnMapping; shipped: boolean; source: string | null };

/** The establishment's saved mappings (latest first), then the shipped ones. */
export async function loadPresets(db: Db, establishmentId: string): Promise<PresetView[]> {
  const saved = await listSalesFilePresets(db, establishmentId);
  const own: PresetView[] = [];
  for (const p of saved) {
    const parsed = columnMappingSchema.safeParse(p.mapping);
    if (parsed.success) own.push({ name: p.name, mapping: parsed.data, shipped: false, source: null });
  }
  return [...own, ...SHIPPED_PRESETS.map((p) => ({ ...p, shipped: true }))];
}

export async function listPresets(db: Db, accountId: string, establishmentId: string): Promise<PresetView[]> {
  await requireMembership(db, establishmentId, accountId);
  return loadPresets(db, establishmentId);
}

export async function savePreset(
  db: Db,
  accountId: string,
  establishmentId: string,
  input: { name: string; mapping: ColumnMapping },
  clock: Clock,
): Promise<PresetView> {
  await requireMembership(db, establishmentId, accountId, MANAGERS);
  await saveSalesFilePreset(db, establishmentId, input.name, input.mapping, clock.now());
  return { name: input.name, mapping: input.mapping, shipped: false, source: null };
}

export async function deletePreset(
  db: Db,
  accountId: string,
  establishmentId: string,
  name: string,
): Promise<void> {
  await requireMembership(db, establishmentId, accountId, MANAGERS);
  if (!(await deleteSalesFilePreset(db, establishmentId, name))) throw notFound('Modèle de colonnes');
}
