// Signing in to the workbench: a key (staff, maintainer or admin) is presented once and becomes a server-side session
// with an expiry; the browser holds only a random cookie value, the store only its SHA-256; every state-changing
// request from the pages carries the session's CSRF token.
import { AppError } from '../core/errors.ts';
import { sha256Hex } from '../core/canonical.ts';
import type { ApiKeyRecord, SessionRecord, Store, WorkbenchStore } from '../core/ports.ts';
import { constantTimeEqual, verifyApiKey } from './keys.ts';

/** A session lasts this long from sign-in. */
export const SESSION_HOURS = 12;
const MAX_KEY_LENGTH = 200;

function randomToken(): string {
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(32))) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface SignedIn {
  /** The cookie's value: shown to the browser only. */
  cookie: string;
  session: SessionRecord;
  key: ApiKeyRecord;
}

function refused(zh: string, en: string): AppError {
  return new AppError({ code: 'sign_in_failed', message: { 'zh-CN': zh, en } });
}

export async function signIn(keys: Store, store: WorkbenchStore, secret: string, now: Date): Promise<SignedIn> {
  const key = secret.length > 0 && secret.length <= MAX_KEY_LENGTH ? await verifyApiKey(keys, secret.trim()) : undefined;
  if (!key) throw refused('密钥无效或已吊销。', 'The key is invalid or revoked.');
  if (key.role === 'renderer') throw refused('此密钥供应用程序调用接口使用，不能登录工作台。', 'This key is for applications calling the API; it cannot sign in to the workbench.');
  const cookie = randomToken();
  const session: SessionRecord = {
    idSha256: await sha256Hex(cookie),
    keyId: key.id,
    csrfToken: randomToken(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await store.purgeSessions(session.createdAt);
  await store.insertSession(session);
  return { cookie, session, key };
}

/** The session and its key, while both are valid (expired sessions and revoked keys end it). */
export async function resolveSession(keys: Store, store: WorkbenchStore, cookie: string, now: Date): Promise<{ session: SessionRecord; key: ApiKeyRecord } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  const id = await sha256Hex(cookie);
  const session = await store.findSession(id);
  if (!session) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await store.deleteSession(id);
    return undefined;
  }
  const key = await keys.findKey(session.keyId);
  if (!key || key.revokedAt) return undefined;
  return { session, key };
}

export async function signOut(store: WorkbenchStore, cookie: string): Promise<void> {
  if (/^[A-Za-z0-9_-]{43}$/.test(cookie)) await store.deleteSession(await sha256Hex(cookie));
}

export function csrfTokenMatches(session: SessionRecord, presented: string | undefined): boolean {
  return presented !== undefined && constantTimeEqual(presented, session.csrfToken);
}
