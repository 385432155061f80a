import { z } from 'zod';
import { isoDay } from '../schemas.ts';
import { establishmentResponse } from './establishments.schema.ts';

/* Responses. */
export const demoResponse = z.object({ establishment: establishmentResponse, queuedDays: z.array(isoDay) });
