// Where a webhook may go: https only (http only to a private network the operator allowed, for tests and closed
// set-ups), never the service itself, never loopback, link-local or cloud metadata addresses, private and other
// internal ranges only when allowed. Checked on the URL when a receiver is registered and on every resolved address
// at delivery (the Node sender connects only to an address that passed, so DNS rebinding cannot slip through).
import ipaddr from 'ipaddr.js';

export interface UrlPolicy {
  /** Networks (CIDR) where private or loopback addresses are allowed, and http with them. */
  allowedNetworks: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  /** The service's own origins (scheme://host:port): never a receiver. */
  selfOrigins: readonly string[];
  /** The port the service listens on: a local address with it is the service itself. */
  selfPort: number | null;
}

export type UrlRefusal = 'url_invalid' | 'scheme_refused' | 'credentials_refused' | 'address_refused' | 'self_refused';

/** Cloud metadata endpoints, refused whatever the configuration (AWS/GCP/Azure, Alibaba Cloud, AWS IPv6). */
const METADATA = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254'].map((a) => ipaddr.parse(a).toNormalizedString());
const METADATA_HOSTS = ['metadata.google.internal', 'metadata', 'metadata.azure.internal'];
/** Ranges that an operator may allow (by CIDR); every other non-unicast range is refused outright. */
const ALLOWABLE = new Set(['private', 'loopback', 'uniqueLocal', 'carrierGradeNat']);
const MAX_URL = 2000;

export function parseNetworks(list: string): UrlPolicy['allowedNetworks'] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      if (!ipaddr.isValidCIDR(cidr)) throw new RangeError(`not a network in CIDR notation: ${cidr}`);
      return ipaddr.parseCIDR(cidr);
    });
}

/** Why an address may not be connected to, or null when it may. IPv4-mapped IPv6 is judged as the IPv4 it carries. */
export function refuseAddress(address: string, policy: UrlPolicy, port?: number): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const ip = ipaddr.process(address);
  if (METADATA.includes(ip.toNormalizedString())) return 'cloud metadata address';
  const range = ip.range();
  const local = range === 'loopback' || range === 'unspecified';
  if (local && port !== undefined && port === policy.selfPort) return 'the service itself';
  if (range === 'unicast') return null;
  if (ALLOWABLE.has(range) && policy.allowedNetworks.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return null;
  return `${range} address`;
}

const hostOf = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');
const portOf = (u: URL) => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);

/** The URL as registered: null when it may be saved, else why not. Hostnames are resolved at delivery. */
export function refuseUrl(raw: string, policy: UrlPolicy): { code: UrlRefusal; reason: string } | null {
  let u: URL;
  try {
    if (raw.length > MAX_URL) throw new Error('too long');
    u = new URL(raw);
  } catch {
    return { code: 'url_invalid', reason: 'not an absolute URL of at most 2000 characters' };
  }
  if (u.username || u.password) return { code: 'credentials_refused', reason: 'credentials in the URL' };
  const host = hostOf(u).toLowerCase();
  const literal = ipaddr.isValid(host);
  // The service itself first: that is the answer whatever the scheme.
  const origin = `${u.protocol}//${u.host}`.toLowerCase();
  if (policy.selfOrigins.some((o) => o.toLowerCase() === origin) || (literal && refuseAddress(host, policy, portOf(u)) === 'the service itself')) return { code: 'self_refused', reason: 'the service itself' };
  if (u.protocol !== 'https:') {
    const allowedHttp = u.protocol === 'http:' && literal && refuseAddress(host, policy, portOf(u)) === null && ipaddr.process(host).range() !== 'unicast';
    if (!allowedHttp) return { code: 'scheme_refused', reason: 'https only (http only to an allowed private network)' };
  }
  if (METADATA_HOSTS.includes(host) || host === 'localhost' || host.endsWith('.localhost')) return { code: 'address_refused', reason: 'a local or metadata host name' };
  if (literal) {
    const why = refuseAddress(host, policy, portOf(u));
    if (why) return { code: why === 'the service itself' ? 'self_refused' : 'address_refused', reason: why };
  }
  return null;
}
