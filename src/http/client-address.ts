// Whose failed authentications count together: the client's address as the runtime reports it (the socket on Node,
// the edge's header on Workers, or a trusted proxy's header), an IPv6 address reduced to its /64 — what one
// subscriber usually holds, so walking through a prefix does not reset the count.
import { convertIPv4BinaryToString, convertIPv4MappedIPv6ToIPv4, convertIPv4ToBinary, convertIPv6BinaryToString, convertIPv6ToBinary, distinctRemoteAddr, isIPv4MappedIPv6 } from 'hono/utils/ipaddr';

const UNKNOWN_ADDRESS = 'unknown';

/** A bucket name for an address: a canonical IPv4 address, an IPv6 /64 prefix, or `unknown`. */
export function addressBucket(raw: string | undefined | null): string {
  const address = (raw ?? '').trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  try {
    const kind = distinctRemoteAddr(address);
    if (kind === 'IPv4') return convertIPv4BinaryToString(convertIPv4ToBinary(address));
    if (kind === 'IPv6') {
      const bits = convertIPv6ToBinary(address);
      if (isIPv4MappedIPv6(bits)) return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(bits));
      return `${convertIPv6BinaryToString((bits >> 64n) << 64n)}/64`;
    }
  } catch {
    // Not an address: counted with the other unknowns.
  }
  return UNKNOWN_ADDRESS;
}
