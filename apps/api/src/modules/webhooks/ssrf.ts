import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address is one a webhook must not reach (SPEC §17): anything but public unicast —
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16: cloud
 * metadata; fe80::/10), carrier-grade NAT, multicast, unspecified, reserved. IPv4-mapped IPv6
 * addresses are judged as the IPv4 address they carry.
 */
export function isInternalAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, an internal address; deliveries there are refused (WEBHOOK_ALLOW_PRIVATE=true allows them).`);
  }
}

/**
 * A DNS lookup for the HTTP agent that refuses internal addresses. The check is on the address
 * the connection is actually made to — the one this lookup returns — so a name that resolves
 * to a public address when registered and to 127.0.0.1 at delivery (DNS rebinding) is refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, Object.assign({}, options, { all: true }), (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const internal = list.find((a) => isInternalAddress(a.address));
    if (internal) return callback(new InternalAddressError(hostname, internal.address), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};
