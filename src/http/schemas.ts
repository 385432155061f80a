import { z } from 'zod';

/** Building blocks shared by the route schemas; messages in French because they reach the UI. */
export const uuid = (label = 'identifiant') => z.uuid({ message: `${label} invalide` });

export const establishmentParams = z.object({ establishmentId: uuid("identifiant d'établissement") });
export const drinkParams = establishmentParams.extend({ drinkId: uuid('identifiant de boisson') });

const decimals = (n: number, v: number) => Math.abs(Math.round(v * 10 ** n) - v * 10 ** n) < 1e-6;

export const euros = z
  .number({ message: 'Montant en euros attendu' })
  .finite({ message: 'Montant invalide' })
  .min(0, { message: 'Le montant ne peut pas être négatif' })
  .max(100_000, { message: 'Montant trop élevé (100 000 € au plus)' })
  .refine((v) => decimals(2, v), { message: 'Deux décimales au plus' });

export const quantity = (opts: { min: number; allowZero?: boolean; label?: string }) =>
  z
    .number({ message: 'Quantité attendue' })
    .finite({ message: 'Quantité invalide' })
    .min(opts.min, {
      message: opts.min === 0 ? 'La quantité ne peut pas être négative' : 'Quantité trop petite',
    })
    .max(100_000, { message: 'Quantité trop élevée (100 000 au plus)' })
    .refine((v) => decimals(3, v), { message: 'Trois décimales au plus' })
    .refine((v) => opts.allowZero !== false || v !== 0, { message: 'La quantité ne peut pas être nulle' });

export const shortText = (max: number, label: string) =>
  z.string().max(max, { message: `${label} : ${max} caractères au plus` });

export const isoDateTime = z.iso.datetime({ offset: true, message: 'Date et heure ISO attendues' });

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
