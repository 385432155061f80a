import type { z } from 'zod';
import type { TillConnectionView } from '../../services/tills/tillConnection.ts';
import type { tillConnectionResponse, tillStateResponse } from '../routes/till.schema.ts';

/** The establishment is in the URL; the password never leaves the server (the view has none). */
export function presentTillConnection(c: TillConnectionView): z.input<typeof tillConnectionResponse> {
  const { establishmentId: _e, ...rest } = c;
  return rest;
}

/** What staff and managers may see of the till: whether it works, never where it is or how to sign in. */
export function presentTillState(c: TillConnectionView): z.input<typeof tillStateResponse> {
  const {
    establishmentId: _e,
    domain: _d,
    kmlcode: _k,
    siteCode: _s,
    identifier: _i,
    hasPassword: _h,
    ...state
  } = c;
  return state;
}
