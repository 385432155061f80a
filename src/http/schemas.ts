import { z } from 'zod';
import { isIsoDay } from '../domain/businessDay.ts';
import { fitsScale, notInFuture, notTooOld } from '../domain/inputBounds.ts';
import { validationNow } from './validationClock.ts';

/** Building blocks shared by the route schemas; messages in French because they reach the UI. */
export const uuid = (label = 'identifiant') => z.uuid({ message: `${label} invalide` });

export const establishmentParams = z.object({ establishmentId: uuid("identifiant d'établissement") });
export const drinkParams = establishmentParams.extend({ drinkId: uuid('identifiant de boisson') });

export const euros = z
  .number({ message: 'Montant en euros attendu' })
  .finite({ message: 'Montant invalide' })
  .min(0, { message: 'Le montant ne peut pas être négatif' })
  .max(100_000, { message: 'Montant trop élevé (100 000 € au plus)' })
  .refine((v) => fitsScale(v, 2), { message: 'Deux décimales au plus' });

export const quantity = (opts: { min: number; allowZero?: boolean; label?: string }) =>
  z
    .number({ message: 'Quantité attendue' })
    .finite({ message: 'Quantité invalide' })
    .min(opts.min, {
      message: opts.min === 0 ? 'La quantité ne peut pas être négative' : 'Quantité trop petite',
    })
    .max(100_000, { message: 'Quantité trop élevée (100 000 au plus)' })
    .refine((v) => fitsScale(v, 3), { message: 'Trois décimales au plus' })
    .refine((v) => opts.allowZero !== false || v !== 0, { message: 'La quantité ne peut pas être nulle' });

export const shortText = (max: number, label: string) =>
  z.string().max(max, { message: `${label} : ${max} caractères au plus` });

/** Any date and time the API takes: ISO with an offset, and not before 1900. */
const isoDateTime = z.iso
  .datetime({ offset: true, message: 'Date et heure ISO attendues' })
  .refine((s) => notTooOld(new Date(s)), { message: 'Date antérieure à 1900' });

/** When something happened (a count, a movement, a receipt): at most a day past the app's clock. */
export const pastDateTime = isoDateTime.refine((s) => notInFuture(new Date(s), validationNow()), {
  message: 'Date dans le futur : un jour au plus après aujourd’hui',
});

/** A calendar day in a query (periods, imports): from 1900 to a year past the app's clock. */
export const isoDayInput = z
  .string()
  .refine(isIsoDay, { message: 'Date attendue au format AAAA-MM-JJ' })
  .refine((s) => notTooOld(new Date(`${s}T00:00:00Z`)), { message: 'Date antérieure à 1900' })
  .refine((s) => new Date(`${s}T00:00:00Z`).getTime() <= validationNow().getTime() + 366 * 86_400_000, {
    message: 'Date trop loin dans le futur',
  });

/** A bottle or serving size, as stored in numeric(7,2): 1 cl to 30 l, two decimals. */
export const formatCl = z
  .number({ message: 'Format en cl attendu' })
  .positive({ message: 'Le format doit être positif' })
  .min(1, { message: 'Format trop petit (1 cl au moins)' })
  .max(3000, { message: 'Format trop grand (3000 cl au plus)' })
  .refine((v) => fitsScale(v, 2), { message: 'Format : deux décimales au plus' });

export const timeZone = z
  .string()
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
    message: 'Fuseau horaire inconnu',
  });

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/* Response building blocks. Dates leave the services as Date and reach the client as ISO strings. */
export const timestamp = z.date();
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** `{items}` lists and the paged lists of the API. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
/** For 204 answers. */
export const noContent = z.null().describe('Pas de contenu');
