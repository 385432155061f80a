import type { Db } from '../../db/database.ts';
import {
  insertEstablishment,
  insertMembership,
  type EstablishmentWithRole,
} from '../../db/repositories/establishments.ts';

export type EstablishmentInput = {
  name: string;
  timeZone?: string | undefined;
  dayCutoffHour?: number | undefined;
};

export async function createEstablishment(
  db: Db,
  accountId: string,
  input: EstablishmentInput & { isDemo?: boolean },
): Promise<EstablishmentWithRole> {
  const establishment = await insertEstablishment(db, {
    name: input.name.trim(),
    timeZone: input.timeZone ?? 'Europe/Paris',
    dayCutoffHour: input.dayCutoffHour ?? 4,
    ...(input.isDemo ? { isDemo: true } : {}),
  });
  await insertMembership(db, { establishmentId: establishment.id, accountId, role: 'owner' });
  return { ...establishment, role: 'owner' };
}
