import ipaddr from 'ipaddr.js';

/**
 * Whether a till may be reached at this IP address: only public unicast, never loopback, private, link-local,
 * multicast, CGNAT, reserved or an IPv6 form that embeds one (mapped, 6to4, Teredo, NAT64).
 * `allowLoopback` is the development switch (the simulator on 127.0.0.1).
 */
export function isAllowedAddress(address: string, allowLoopback: boolean): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return true;
  return allowLoopback && range === 'loopback';
}

/** An IP literal as the WHATWG URL parser leaves it (`127.0.0.1`, `[::1]`), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : null;
}
