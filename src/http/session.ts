// Browser sessions at the HTTP edge: the cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), and the CSRF defence
// of every state-changing request a session makes: Hono's Origin / Sec-Fetch-Site check (which also covers a request
// without Content-Type) plus the session's own token in the X-CSRF-Token header or the `_csrf` form field.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { SessionRecord } from '../core/ports.ts';
import { csrfTokenMatches, SESSION_HOURS } from '../usecases/sessions.ts';
import { httpError } from './problem.ts';

export const SESSION_COOKIE = 'fs_session';
const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_FIELD = '_csrf';

/** HTTPS as the browser sees it: the request's own scheme, or a TLS-terminating proxy's word for it. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function setSessionCookie(c: Context, value: string): void {
  setCookie(c, SESSION_COOKIE, value, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

export const sessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

// The page's origin as the browser names it: behind a proxy the Host the browser used, with the scheme it used.
const sameOrigin = (origin: string, c: Context) => {
  try {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
};
const originCheck = csrf({ origin: sameOrigin });

export function csrfFailed(): Error {
  return httpError('csrf_failed', '请求来源无法验证（跨站请求或页面已过期），请刷新页面后重试。', 'The request could not be verified as coming from this site (a cross-site request, or an expired page); reload the page and try again.');
}

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/** Refuses a state-changing request of a session unless it comes from this site and carries the session's token. */
export async function checkCsrf(c: Context, session: SessionRecord, formToken?: string): Promise<void> {
  if (SAFE.test(c.req.method)) return;
  try {
    await originCheck(c, async () => {});
  } catch (e) {
    if (e instanceof HTTPException) throw csrfFailed();
    throw e;
  }
  // A browser sends Sec-Fetch-Site with every request; anything but this site is refused whatever the content type.
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw csrfFailed();
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null' && !sameOrigin(origin, c)) throw csrfFailed();
  if (!csrfTokenMatches(session, c.req.header(CSRF_HEADER) ?? formToken)) throw csrfFailed();
}
