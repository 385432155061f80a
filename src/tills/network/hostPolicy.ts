import { TillError } from '../errors.ts';
import { ipLiteral, isAllowedAddress } from './addresses.ts';

/** Where a till may live. The defaults are Astério's: `https://<kmlcode>.myasterio.com`, port 443. */
export type TillHostPolicy = {
  /** Development switch (`CELLIER_DEV_LOCAL_TILLS`): a loopback address, `http://` accepted; nothing else. */
  allowLoopback: boolean;
  /** Host patterns (`*.myasterio.com`, `till.example.fr:8443`); widened only by the operator. */
  domainPatterns: readonly string[];
};

export const ASTERIO_DOMAIN_PATTERN = '*.myasterio.com';
export const DEFAULT_HOST_POLICY: TillHostPolicy = {
  allowLoopback: false,
  domainPatterns: [ASTERIO_DOMAIN_PATTERN],
};

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

export const REFUSED_ADDRESS_MESSAGE =
  'Ce domaine mène à une adresse interne (locale, privée ou réservée) : Cellier ne s’y connecte pas.';

function matches(pattern: string, host: string, port: string): boolean {
  const [hostPattern = '', portPattern = ''] = pattern.toLowerCase().split(':');
  if ((portPattern || '443') !== (port || '443')) return false;
  if (hostPattern.startsWith('*.')) {
    const suffix = hostPattern.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === hostPattern;
}

/** Is this a loopback origin that the development switch lets through? */
export function isDevLoopback(url: URL, policy: TillHostPolicy): boolean {
  if (!policy.allowLoopback) return false;
  const literal = ipLiteral(url.hostname);
  return literal
    ? isAllowedAddress(literal, true) && !isAllowedAddress(literal, false)
    : LOOPBACK_NAMES.has(url.hostname);
}

/**
 * Checks a till URL before any DNS: the scheme, the host pattern and IP literals in every textual form (the
 * WHATWG parser has already turned `127.1`, `2130706433`, `0x7f000001` into `127.0.0.1`). Names are checked
 * again on each connection by the guarded lookup.
 */
export function checkTillUrl(url: URL, policy: TillHostPolicy): void {
  if (isDevLoopback(url, policy)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TillError('unreachable', 'Le domaine doit être une adresse https.');
    return;
  }
  if (url.protocol !== 'https:')
    throw new TillError('unreachable', 'Le domaine doit être une adresse https.');
  const literal = ipLiteral(url.hostname);
  if (literal && !isAllowedAddress(literal, false))
    throw new TillError('unreachable', REFUSED_ADDRESS_MESSAGE);
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!policy.domainPatterns.some((p) => matches(p, host, url.port)))
    throw new TillError(
      'unreachable',
      `Le domaine doit être celui qu’Astério a fourni, de la forme https://monresto-70001.myasterio.com.`,
    );
}
