import { z } from 'zod';
import { establishmentParams, itemsOf, timeZone, timestamp, uuid } from '../schemas.ts';
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
const role = z.enum(['owner', 'manager', 'staff'], { message: 'Rôle inconnu' });
export const inviteBody = z.object({ email, role });
export const memberParams = establishmentParams.extend({ accountId: uuid('identifiant de compte') });
export const memberRoleBody = z.object({ role });

/* Responses. */
const ROLES = ['owner', 'manager', 'staff'] as const;
export const establishmentResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  dayCutoffHour: z.number().int(),
  isDemo: z.boolean(),
  createdAt: timestamp,
  role: z.enum(ROLES),
});
export const establishmentList = itemsOf(establishmentResponse);
export const memberResponse = z.object({
  accountId: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ROLES),
  since: timestamp,
});
export const invitationResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: timestamp,
});
export const teamResponse = z.object({
  members: z.array(memberResponse),
  invitations: z.array(invitationResponse),
});
/** The same answer whether or not the e-mail has an account. */
export const inviteResponse = z.object({ status: z.literal('invited'), email: z.string() });
export const memberRoleResponse = z.object({ accountId: z.uuid(), role: z.enum(ROLES) });
