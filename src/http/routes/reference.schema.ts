import { z } from 'zod';

export const appellationsQuery = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(15),
});

/* Responses. */
export const appellationDto = z.object({
  id: z.string(),
  name: z.string(),
  /** AOC, AOP, IGP… */
  sign: z.string(),
  wineRegion: z.string().nullable(),
  colours: z.array(z.string()),
});
export const appellationList = z.object({ items: z.array(appellationDto) });
