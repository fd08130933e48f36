// The deadline board's pages: the board across the projects the person may see, and "prepare", which starts a draft of
// the filing that fulfils an obligation (with what the milestones say filled in) and opens it.
import type { RouteContext } from '../http/app.ts';
import type { DeadlineServices } from '../http/env.ts';
import { deadlineDeps } from '../http/routes/obligations.ts';
import { boardObligations, prepareObligation } from '../usecases/obligations.ts';
import { chinaDate } from '../usecases/reminders.ts';
import { deadlinesPage } from './pages/deadlines.ts';
import type { PageRoutes } from './routes.ts';

export function registerDeadlinePages(ctx: RouteContext, pages: PageRoutes, d: DeadlineServices): void {
  const w = deadlineDeps(ctx, d);
  pages.get('/deadlines', 'projects', async (p) => {
    const all = p.c.req.query('all') === '1';
    const lists = await boardObligations(w, p.viewer.actor, !all);
    return p.c.html(deadlinesPage(p, lists, lists[0]?.today ?? chinaDate(w.now()), all).toString());
  });
  pages.post('/projects/:pid/obligations/:oid/prepare', 'projects', async (p) => {
    const pid = p.c.req.param('pid')!;
    const draft = await prepareObligation(w, p.viewer.actor, pid, p.c.req.param('oid')!, ctx.deps.samples);
    return p.c.redirect(`/projects/${pid}/drafts/${draft.id}`, 303);
  });
}
