// API keys: `fsk_<id>_<secret>`, only the SHA-256 of the secret stored and compared in constant time; the admin key
// from the environment is a real key row too (id `env-<hash prefix>`), so its renders are audited like any other.
import { sha256Hex } from '../core/canonical.ts';
import type { ApiKeyRecord, Role, Store } from '../core/ports.ts';

const KEY_PATTERN = /^fsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const ENV_PREFIX = 'env-';
const ENV_KEY_NAME = 'ADMIN_API_KEY';

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface NewKey {
  record: ApiKeyRecord;
  /** The whole key, shown to its owner once. */
  secret: string;
}

/** The organisation of keys made without one (and of every key made before organisations existed). */
export const DEFAULT_ORG = 'default';
/** Organisation names: short, URL-safe. */
export const ORG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export async function createApiKey(store: Store, opts: { name: string; role: Role; now: string; org?: string }): Promise<NewKey> {
  const id = hex(crypto.getRandomValues(new Uint8Array(6)));
  const secretPart = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const record: ApiKeyRecord = { id, name: opts.name, role: opts.role, secretSha256: await sha256Hex(secretPart), createdAt: opts.now, revokedAt: null, org: opts.org ?? DEFAULT_ORG };
  await store.insertKey(record);
  return { record, secret: `fsk_${id}_${secretPart}` };
}

/** Equal-length strings compared without an early exit. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const envKeyId = (digest: string) => `${ENV_PREFIX}${digest.slice(0, 12)}`;

/** The key record a presented secret belongs to, or undefined when it is unknown, wrong or revoked. */
export async function verifyApiKey(store: Store, presented: string): Promise<ApiKeyRecord | undefined> {
  const m = KEY_PATTERN.exec(presented);
  // An `fsk_` key is found by its id; any other secret can only be the environment's admin key, found by its hash.
  const digest = await sha256Hex(m ? m[2]! : presented);
  const record = await store.findKey(m ? m[1]! : envKeyId(digest));
  // Compare even when the id is unknown, so timing does not tell which ids exist.
  const expected = record?.secretSha256 ?? '0'.repeat(64);
  if (!constantTimeEqual(digest, expected) || !record || record.revokedAt) return undefined;
  return record;
}

/**
 * Gives the environment's admin key its row (created once; revoking it through the API holds until the variable is
 * set to a new value), and revokes the rows of earlier environment keys, or of all of them when the variable is unset.
 */
export async function syncEnvironmentAdminKey(store: Store, secret: string | undefined, now: string): Promise<ApiKeyRecord | undefined> {
  const digest = secret === undefined ? undefined : await sha256Hex(secret);
  const id = digest && envKeyId(digest);
  for (const k of await store.listKeys()) {
    if (k.id.startsWith(ENV_PREFIX) && k.id !== id && !k.revokedAt) await store.revokeKey(k.id, now);
  }
  if (!digest || !id) return undefined;
  const existing = await store.findKey(id);
  if (existing) return existing;
  const record: ApiKeyRecord = { id, name: ENV_KEY_NAME, role: 'admin', secretSha256: digest, createdAt: now, revokedAt: null, org: DEFAULT_ORG };
  await store.insertKey(record);
  return record;
}

export async function listKeys(store: Store) {
  return (await store.listKeys()).map((k) => ({ id: k.id, name: k.name, role: k.role, org: k.org, createdAt: k.createdAt, revokedAt: k.revokedAt }));
}

/** What each role may do. */
export const PERMISSIONS = {
  'filings:read': ['renderer', 'staff', 'maintainer', 'admin'],
  render: ['renderer', 'staff', 'maintainer', 'admin'],
  'generations:read': ['admin'],
  'keys:manage': ['admin'],
  'templates:manage': ['maintainer', 'admin'],
  /** Projects and drafts: staff work on their organisation's, admins on every organisation's. */
  projects: ['staff', 'admin'],
  /** Webhook receivers and their deliveries. */
  'webhooks:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
