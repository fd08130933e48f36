// How a workbench page is served: the person behind it (signed in, or sent to sign in), the language, the CSRF check
// of every post (Origin and the session's token, also without Content-Type), a body limit, and errors as pages.
import type { Context, Hono } from 'hono';
import type { Permission } from '../usecases/keys.ts';
import { allowed } from '../usecases/keys.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { limitBody } from '../http/json-limits.ts';
import { checkCsrf, CSRF_FIELD } from '../http/session.ts';
import { AppError } from '../core/errors.ts';
import { errorPage, langOf, viewerOf, type PageCtx, type Viewer } from './page.ts';

export type SignedInCtx = PageCtx & { viewer: Viewer };
export type Handler = (p: SignedInCtx, body: Record<string, string | File | (string | File)[]>) => Promise<Response>;

export interface PageRoutes {
  get(path: string, need: Permission | null, handler: Handler): void;
  post(path: string, need: Permission | null, handler: Handler): void;
}

function forbidden(): AppError {
  return new AppError({ code: 'forbidden', message: { 'zh-CN': '无权访问此页面。', en: 'You may not see this page.' } });
}

export function pageRoutes(app: Hono<AppEnv>, deps: AppDeps, maxBodyBytes: number): PageRoutes {
  const assets = deps.uiAssets?.version ?? '0';
  const serve = (method: 'get' | 'post', path: string, need: Permission | null, handler: Handler) => {
    const run = async (c: Context<AppEnv>) => {
      const base: PageCtx = { c, lang: langOf(c), assets, board: deps.deadlines !== undefined };
      try {
        const viewer = await viewerOf(c, deps);
        if (!viewer) {
          if (method === 'post') throw new AppError({ code: 'unauthorized', message: { 'zh-CN': '请重新登录。', en: 'Please sign in again.' } });
          const url = new URL(c.req.url);
          return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
        }
        if (need && !allowed(viewer.key.role, need)) throw forbidden();
        const p = { ...base, viewer };
        let body: Record<string, string | File | (string | File)[]> = {};
        if (method === 'post') {
          body = (await c.req.parseBody({ all: true })) as typeof body;
          const token = body[CSRF_FIELD];
          await checkCsrf(c, viewer.session, typeof token === 'string' ? token : undefined);
        }
        return await handler(p, body);
      } catch (e) {
        return errorPage(base, e, deps.log);
      }
    };
    if (method === 'get') app.get(path, run);
    else app.post(path, limitBody(maxBodyBytes), run);
  };
  return { get: (path, need, handler) => serve('get', path, need, handler), post: (path, need, handler) => serve('post', path, need, handler) };
}

/** A posted text field (the last one when repeated). */
export function field(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last : undefined;
}

export function file(body: Record<string, unknown>, name: string): File | undefined {
  const v = body[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last instanceof File && last.size > 0 ? last : undefined;
}

/** The form's entries in document order, for the form codec (files and the page's own fields left out). */
export function formEntriesOf(body: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(body)) {
    if (name.startsWith('_')) continue;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') out.push([name, x]);
  }
  return out;
}
