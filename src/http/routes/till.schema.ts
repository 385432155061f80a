import { z } from 'zod';
import { shortText } from '../schemas.ts';

// Shapes only: the till's own rules (https domain, kmlcode form) are checked by the service with French messages.
export const tillConnectionBody = z.object({
  tillType: z
    .literal('asterio', { message: 'Seule la caisse Astério est prise en charge' })
    .default('asterio'),
  domain: shortText(300, 'Domaine'),
  kmlcode: shortText(100, 'Kmlcode'),
  siteCode: shortText(32, 'Code site').optional(),
  identifier: shortText(128, 'Identifiant'),
  password: z.string().max(256, { message: 'Mot de passe trop long' }).optional(),
});
