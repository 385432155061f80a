import type { z } from 'zod';
import type { TillConnectionView } from '../../services/tills/tillConnection.ts';
import type { tillConnectionResponse } from '../routes/till.schema.ts';

/** The establishment is in the URL; the password never leaves the server (the view has none). */
export function presentTillConnection(c: TillConnectionView): z.input<typeof tillConnectionResponse> {
  const { establishmentId: _e, ...rest } = c;
  return rest;
}
