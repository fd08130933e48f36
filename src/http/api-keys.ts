// API keys: `fsk_<id>_<secret>`; only the SHA-256 of the secret is stored, and it is compared in constant time.
import { sha256Hex } from '../core/canonical.ts';
import type { ApiKeyRecord, Role, Store } from '../core/ports.ts';

const KEY_PATTERN = /^fsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

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

export async function createApiKey(store: Store, opts: { name: string; role: Role; now: string }): Promise<NewKey> {
  const id = hex(crypto.getRandomValues(new Uint8Array(6)));
  const secretPart = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const record: ApiKeyRecord = { id, name: opts.name, role: opts.role, secretSha256: await sha256Hex(secretPart), createdAt: opts.now, revokedAt: null };
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

export type KeyCheck = { ok: true; key: ApiKeyRecord } | { ok: false; reason: 'malformed' | 'invalid' };

export async function verifyApiKey(store: Store, presented: string, admin?: { key: string; record: ApiKeyRecord }): Promise<KeyCheck> {
  if (admin && constantTimeEqual(await sha256Hex(presented), await sha256Hex(admin.key))) return { ok: true, key: admin.record };
  const m = KEY_PATTERN.exec(presented);
  if (!m) return { ok: false, reason: 'invalid' };
  const record = await store.findKey(m[1]!);
  const digest = await sha256Hex(m[2]!);
  // Hash and compare even when the id is unknown, so timing does not tell which ids exist.
  const expected = record?.secretSha256 ?? '0'.repeat(64);
  if (!constantTimeEqual(digest, expected) || !record || record.revokedAt) return { ok: false, reason: 'invalid' };
  return { ok: true, key: record };
}

/** What each role may do. */
export const PERMISSIONS = {
  'filings:read': ['renderer', 'staff', 'maintainer', 'admin'],
  render: ['renderer', 'staff', 'maintainer', 'admin'],
  'generations:read': ['admin'],
  'keys:manage': ['admin'],
  'templates:manage': ['maintainer', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
