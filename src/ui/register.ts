// The workbench at `/`: sign-in and sign-out, the language switch, the bundled assets, the staff pages (projects,
// drafts), the deadline board and the maintainers' pages, all from the same Hono app on Node and Workers.
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { RouteContext } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import { clearSessionCookie, csrfFailed, sessionCookie, setSessionCookie } from '../http/session.ts';
import { allowed } from '../usecases/keys.ts';
import { signIn, signOut } from '../usecases/sessions.ts';
import { isAppError } from '../core/errors.ts';
import { langOf, safeNext, setLang, viewerOf, type PageCtx } from './page.ts';
import { signInPage } from './pages/sign-in.ts';
import { pageRoutes } from './routes.ts';
import { registerProjectPages } from './register-projects.ts';
import { registerMaintainPages } from './register-maintain.ts';
import { registerDeadlinePages } from './register-deadlines.ts';
import { HTTPException } from 'hono/http-exception';

export function registerWorkbench(ctx: RouteContext): void {
  const { app, deps } = ctx;
  const store = deps.workbench!;
  const assets = deps.uiAssets?.version ?? '0';
  const pageOf = (c: Context<AppEnv>): PageCtx => ({ c, lang: langOf(c), assets });

  app.get('/assets/:file', (c) => {
    const asset = deps.uiAssets?.get(c.req.param('file'));
    if (!asset) return c.text('Not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' });
  });

  app.get('/', async (c) => {
    const viewer = await viewerOf(c, deps);
    if (!viewer) return c.redirect('/sign-in', 303);
    return c.redirect(allowed(viewer.key.role, 'projects') ? '/projects' : '/maintain', 303);
  });

  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang');
    if (lang === 'en' || lang === 'zh-CN') setLang(c, lang);
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  app.get('/sign-in', async (c) => {
    if (await viewerOf(c, deps)) return c.redirect(safeNext(c.req.query('next')), 303);
    return c.html(signInPage(pageOf(c), safeNext(c.req.query('next'))).toString());
  });

  // No session yet: the Origin check alone guards the sign-in form against login CSRF.
  const originOnly = csrf({ origin: (origin, c) => new URL(origin).host === (c.req.header('x-forwarded-host') ?? c.req.header('host')) });
  app.post('/sign-in', async (c, next) => {
    try {
      await originOnly(c, next);
    } catch (e) {
      if (e instanceof HTTPException) return c.html(signInPage(pageOf(c), '/', csrfFailed().message).toString(), 403);
      throw e;
    }
  }, async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    try {
      const r = await signIn(deps.store, store, typeof body.key === 'string' ? body.key : '', deps.now());
      setSessionCookie(c, r.cookie);
      return c.redirect(next === '/' ? (allowed(r.key.role, 'projects') ? '/projects' : '/maintain') : next, 303);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const p = pageOf(c);
      return c.html(signInPage(p, next, e.messageIn(p.lang)).toString(), 401);
    }
  });

  const pages = pageRoutes(app, deps, Math.max(4 * (ctx.limits.maxBytes ?? 1 << 20), deps.maxUploadBytes ?? 10 << 20));
  pages.post('/sign-out', null, async (p) => {
    const cookie = sessionCookie(p.c);
    if (cookie) await signOut(store, cookie);
    clearSessionCookie(p.c);
    return p.c.redirect('/sign-in', 303);
  });

  registerProjectPages(ctx, pages);
  if (deps.deadlines) registerDeadlinePages(ctx, pages, deps.deadlines);
  if (deps.templates) registerMaintainPages(ctx, pages, deps.templates);
}
