import { z } from 'zod';
import { timestamp } from '../schemas.ts';

export const email = z
  .email({ message: 'Adresse e-mail invalide' })
  .max(254, { message: 'Adresse e-mail trop longue' });

const newPassword = z
  .string()
  .min(10, { message: 'Le mot de passe doit faire au moins 10 caractères' })
  .max(200, { message: 'Le mot de passe doit faire au plus 200 caractères' });

export const signUpBody = z.object({
  email,
  password: newPassword,
  displayName: z.string().max(100, { message: 'Nom : 100 caractères au plus' }).optional(),
  locale: z.enum(['fr', 'en']).optional(),
});

export const signInBody = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, { message: 'Saisissez votre mot de passe actuel' }).max(200),
    newPassword,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Le nouveau mot de passe doit être différent de l’actuel',
  });

export const updateMeBody = z.object({ locale: z.enum(['fr', 'en']) });

/* Responses. */
const LOCALES = ['fr', 'en'] as const;
export const accountResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  locale: z.enum(LOCALES),
  createdAt: timestamp,
});
export const meResponse = z.object({ account: accountResponse.nullable(), csrfToken: z.string().nullable() });
export const accountEnvelope = z.object({ account: accountResponse });
/** How many sessions a password change or "Se déconnecter partout" ended. */
export const sessionsEndedResponse = z.object({ endedSessions: z.number().int().min(0) });
