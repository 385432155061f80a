import { z } from 'zod';
import { isIsoDay } from '../../domain/businessDay.ts';

const day = z.string().refine(isIsoDay, { message: 'Date attendue au format AAAA-MM-JJ' });

export const importRequestBody = z.object({ from: day.optional(), to: day.optional() });
