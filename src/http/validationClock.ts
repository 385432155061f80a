import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from '../domain/clock.ts';

// Schemas are module constants, so the app's clock reaches their date bounds through the validator call.
const store = new AsyncLocalStorage<Clock>();

/** "Now" for a schema refinement: the app's clock while Fastify validates a request, else the system's. */
export const validationNow = (): Date => (store.getStore() ?? systemClock).now();

/** The zod validator compiler, run inside the app's clock (validation is synchronous). */
export function clockedValidatorCompiler(clock: Clock): FastifySchemaCompiler<ZodType> {
  return (route) => {
    const validate = validatorCompiler(route);
    return (data: unknown) => store.run(clock, () => validate(data));
  };
}
