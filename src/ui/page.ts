// The page shell every workbench page shares (header, navigation, language switch, sign-out, main), the signed-in
// person behind a page request, and error pages; adding a page is a route that returns shell(…).
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isAppError } from '../core/errors.ts';
import type { Lang } from '../core/i18n/catalogue.ts';
import type { ApiKeyRecord, SessionRecord } from '../core/ports.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { STATUS } from '../http/problem.ts';
import { CSRF_FIELD, sessionCookie } from '../http/session.ts';
import { allowed } from '../usecases/keys.ts';
import type { Actor } from '../usecases/projects.ts';
import { resolveSession } from '../usecases/sessions.ts';
import { h, raw, type Html } from './html.ts';
import { messagesFor, t, type MessageKey } from './messages.ts';

const LANG_COOKIE = 'fs_lang';

export interface Viewer {
  key: ApiKeyRecord;
  session: SessionRecord;
  actor: Actor;
}

export interface PageCtx {
  c: Context<AppEnv>;
  lang: Lang;
  viewer?: Viewer;
  /** The client bundle's version, for cache-busting asset URLs. */
  assets: string;
  /** Whether the deadline board is served (it needs the deadline services). */
  board?: boolean;
}

/** The interface language: the person's choice (cookie), else Accept-Language. */
export function langOf(c: Context<AppEnv>): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen === 'en' || chosen === 'zh-CN') return chosen;
  return c.get('language') === 'en' ? 'en' : 'zh-CN';
}

export function setLang(c: Context, lang: Lang): void {
  setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Strict', httpOnly: true, maxAge: 365 * 86400 });
}

export async function viewerOf(c: Context<AppEnv>, deps: AppDeps): Promise<Viewer | undefined> {
  const cookie = sessionCookie(c);
  if (!cookie || !deps.workbench) return undefined;
  const s = await resolveSession(deps.store, deps.workbench, cookie, deps.now());
  return s ? { key: s.key, session: s.session, actor: { keyId: s.key.id, role: s.key.role, org: s.key.org } } : undefined;
}

/** A local path to come back to after signing in (never another site). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%~:]*$/.test(next) && !next.startsWith('/sign-') ? next : '/';
}

/** Messages the client script shows, handed over in a JSON block (not executed, so the CSP allows it). */
const CLIENT_MESSAGES: MessageKey[] = ['saving', 'saved', 'unsaved', 'saveFailed', 'offline', 'restored', 'conflictTitle', 'conflictReload', 'conflictHistory', 'errorSummary', 'errorSummaryNone', 'findingsNone', 'findingsWait', 'severity_error', 'severity_warning', 'severity_info', 'progress', 'sectionErrors', 'previewNeedsValid', 'switchKindConfirm', 'showEnglish', 'hideEnglish', 'projectErrors'];

export function csrfInput(viewer: Viewer | undefined): Html | '' {
  return viewer ? h`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.session.csrfToken}">` : '';
}

function header(p: PageCtx, path: string): Html {
  const other: Lang = p.lang === 'en' ? 'zh-CN' : 'en';
  const v = p.viewer;
  const nav = v
    ? h`<nav class="main-nav" aria-label="${t(p.lang, 'appName')}"><ul>${allowed(v.key.role, 'projects') ? h`<li><a href="/projects"${path.startsWith('/projects') ? raw(' aria-current="page"') : ''}>${t(p.lang, 'projects')}</a></li>` : ''}${p.board && allowed(v.key.role, 'projects') ? h`<li><a href="/deadlines"${path.startsWith('/deadlines') ? raw(' aria-current="page"') : ''}>${t(p.lang, 'deadlines')}</a></li>` : ''}${allowed(v.key.role, 'templates:manage') ? h`<li><a href="/maintain"${path.startsWith('/maintain') ? raw(' aria-current="page"') : ''}>${t(p.lang, 'maintain')}</a></li>` : ''}</ul></nav>`
    : '';
  const account = v
    ? h`<span class="who">${t(p.lang, 'signedInAs', { name: v.key.name, role: v.key.role, org: v.key.org })}</span><form method="post" action="/sign-out" class="inline">${csrfInput(v)}<button type="submit" class="link">${t(p.lang, 'signOut')}</button></form>`
    : '';
  const langLink = h`<a class="lang" href="/lang/${other}?next=${encodeURIComponent(path)}" lang="${other}" hreflang="${other}">${t(p.lang, 'language')}</a>`;
  return h`<header class="site-header"><div class="wrap wide header-row"><a class="brand" href="/">${t(p.lang, 'appName')}</a>${nav}<div class="account">${langLink}${account}</div></div></header>`;
}

/** The whole page around a body. */
export function shell(p: PageCtx, title: string, body: Html, opts: { wide?: boolean } = {}): Html {
  const assets = p.assets;
  const url = new URL(p.c.req.url);
  const messages = JSON.stringify(messagesFor(p.lang, CLIENT_MESSAGES)).replace(/</g, '\\u003c');
  return h`<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t(p.lang, 'appName')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css?v=${assets}">
<script src="/assets/app.js?v=${assets}" defer></script>
${p.viewer ? h`<meta name="csrf-token" content="${p.viewer.session.csrfToken}">` : ''}
</head>
<body>
<a class="skip-link" href="#main">${t(p.lang, 'skip')}</a>
${header(p, url.pathname + url.search)}
<main id="main" class="wrap${opts.wide ? ' wide' : ''}" tabindex="-1">
${body}
</main>
<script type="application/json" id="wb-messages">${raw(messages)}</script>
</body>
</html>`;
}

export function errorPage(p: PageCtx, e: unknown, log: (x: Record<string, unknown>) => void): Response {
  const status = isAppError(e) ? STATUS[e.code] : 500;
  const text = isAppError(e) && status < 500 ? e.messageIn(p.lang) : t(p.lang, 'notFound');
  if (status >= 500) log({ level: 'error', msg: 'workbench page failed', err: e instanceof Error ? e.stack : String(e) });
  const body = h`<h1>${status}</h1><p class="lead">${status >= 500 ? (p.lang === 'en' ? 'Something went wrong on our side.' : '服务内部错误。') : text}</p><p><a href="/">${t(p.lang, 'back')}</a></p>`;
  return p.c.html(shell(p, String(status), body).toString(), status as 400);
}

export const fmtTime = (iso: string, lang: Lang) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
