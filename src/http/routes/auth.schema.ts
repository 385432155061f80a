import { z } from 'zod';
import { timestamp } from '../schemas.ts';

export const email = z
  .email({ message: 'Adresse e-mail invalide' })
  .max(254, { message: 'Adresse e-mail trop longue' });

export const signUpBody = z.object({
  email,
  password: z
    .string()
    .min(10, { message: 'Le mot de passe doit faire au moins 10 caractères' })
    .max(200, { message: 'Le mot de passe doit faire au plus 200 caractères' }),
  displayName: z.string().max(100, { message: 'Nom : 100 caractères au plus' }).optional(),
  locale: z.enum(['fr', 'en']).optional(),
});

export const signInBody = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});

export const updateMeBody = z.object({ locale: z.enum(['fr', 'en']) });

/* Responses. */
export const LOCALES = ['fr', 'en'] as const;
export const accountResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  locale: z.enum(LOCALES),
  createdAt: timestamp,
});
export const meResponse = z.object({ account: accountResponse.nullable(), csrfToken: z.string().nullable() });
export const accountEnvelope = z.object({ account: accountResponse });
