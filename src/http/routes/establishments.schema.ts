import { z } from 'zod';
import { timeZone } from '../schemas.ts';
import { email } from './auth.schema.ts';

const name = z
  .string()
  .trim()
  .min(1, { message: "Le nom de l'établissement est obligatoire" })
  .max(120, { message: 'Nom : 120 caractères au plus' });
const cutoff = z
  .number()
  .int({ message: 'Heure entière attendue' })
  .min(0, { message: 'Heure entre 0 et 23' })
  .max(23, { message: 'Heure entre 0 et 23' });

export const createEstablishmentBody = z.object({
  name,
  timeZone: timeZone.optional(),
  dayCutoffHour: cutoff.optional(),
});
export const updateEstablishmentBody = z
  .object({ name: name.optional(), timeZone: timeZone.optional(), dayCutoffHour: cutoff.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Rien à modifier' });
export const inviteBody = z.object({
  email,
  role: z.enum(['owner', 'manager', 'staff'], { message: 'Rôle inconnu' }),
});
