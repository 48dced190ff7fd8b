import type { Request } from 'restify';

/**
 * The address of the client that made the request. Behind `trustedProxyHops` reverse proxies (Azure
 * App Service's front end, a gateway) each appends the address it received from to X-Forwarded-For:
 * the client is the entry that many places from the right. Entries further left are the client's own
 * words and never trusted. Without proxies, the socket's address.
 */
export function clientAddress(req: Request, trustedProxyHops: number): string {
  const socketAddress = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return withoutPort(forwarded[forwarded.length - trustedProxyHops] ?? socketAddress);
}

/** App Service writes "203.0.113.7:51234"; IPv6 comes as "[2001:db8::1]:51234" or bare. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}
