import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAllowedAddress } from './addresses.ts';

type ResolvedAddress = { address: string; family: number };
/** Name → addresses; tests inject a fake one to play DNS rebinding without the network. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

export const ADDRESS_REFUSED = 'CELLIER_ADDRESS_REFUSED';

/** Resolves a name and refuses it when any of its addresses is not allowed; returns the addresses to use. */
export async function resolveAllowed(
  hostname: string,
  allowLoopback: boolean,
  resolve: Resolver,
): Promise<ResolvedAddress[]> {
  const addresses = await resolve(hostname);
  if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, allowLoopback)))
    throw Object.assign(new Error(`${hostname}: adresse refusée`), { code: ADDRESS_REFUSED });
  return addresses;
}

/**
 * The `lookup` of the socket that undici opens: the addresses checked are the very ones connected to, so a DNS
 * answer that changes between the check and the connection (rebinding) cannot reach an internal host.
 */
export function guardedLookup(allowLoopback: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, allowLoopback, resolve).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        if (options.all)
          return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted);
        const first = wanted[0];
        if (!first) return callback(Object.assign(new Error('aucune adresse'), { code: 'ENOTFOUND' }), '', 0);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
