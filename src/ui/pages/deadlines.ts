// The deadline board: per project, what is overdue, due soon or upcoming (and, on request, what was met), each with its
// due date on the official calendar, its basis, and a button that starts a draft of the filing that fulfils it.
import type { Obligation } from '../../core/deadlines/obligations.ts';
import { message } from '../../core/i18n/catalogue.ts';
import { formatCitation } from '../../core/regulations/documents.ts';
import type { ProjectObligations } from '../../usecases/obligations.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, shell, type PageCtx } from '../page.ts';

const wording = (p: PageCtx, w: { zh: string; en: string }) => (p.lang === 'en' ? w.en : w.zh);

function when(p: PageCtx, o: Obligation): Html {
  const moved = o.nominalDue !== o.due ? h` <span class="hint">${t(p.lang, 'nominalDue', { date: o.nominalDue })}</span>` : '';
  const opens = o.opensOn ? h`<div class="hint">${t(p.lang, 'opensOn', { date: o.opensOn })}</div>` : '';
  return h`<time datetime="${o.due}">${o.due}</time>${moved}${opens}`;
}

function status(p: PageCtx, o: Obligation): Html {
  const tag = h`<span class="tag ob-${o.status}">${t(p.lang, `ob_${o.status}`)}</span>`;
  if (o.fulfilled) return h`${tag}<div class="hint">${t(p.lang, 'fulfilledOn', { date: o.fulfilled.date })}${o.fulfilled.late ? t(p.lang, 'fulfilledLate') : ''}</div>`;
  const days = o.daysLeft > 0 ? t(p.lang, 'daysLeft', { n: o.daysLeft }) : o.daysLeft === 0 ? t(p.lang, 'dueToday') : t(p.lang, 'daysOverdue', { n: -o.daysLeft });
  return h`${tag}<div class="hint">${days}</div>`;
}

function prepare(p: PageCtx, projectId: string, o: Obligation): Html {
  if (!o.prepare || o.status === 'fulfilled') return h`—`;
  const filing = message(p.lang, `filings.${o.prepare.filingId}.title`);
  return h`<form method="post" action="/projects/${projectId}/obligations/${encodeURIComponent(o.id)}/prepare" class="inline">${csrfInput(p.viewer)}<button type="submit" class="secondary">${t(p.lang, 'prepareFiling', { filing })}</button></form>`;
}

function row(p: PageCtx, projectId: string, o: Obligation): Html {
  const warnings = o.warnings.map((w) => h`<div class="notice warning">${wording(p, w.message)}</div>`);
  const basis = o.basis.map((c) => h`<li>${formatCitation(c, p.lang)}</li>`);
  return h`<tr data-obligation="${o.id}" class="ob-${o.status}"><td><strong>${wording(p, o.title)}</strong><div class="hint">${wording(p, o.rule)}</div>${warnings}</td><td>${when(p, o)}</td><td>${status(p, o)}</td><td><ul class="basis">${basis}</ul></td><td>${prepare(p, projectId, o)}</td></tr>`;
}

function projectBoard(p: PageCtx, list: ProjectObligations, admin: boolean): Html {
  const { project } = list;
  const head = h`<h2 id="p-${project.id}"><a href="/projects/${project.id}">${project.title}</a>${admin ? h` <span class="meta">${project.org}</span>` : ''}</h2>`;
  const missing = list.missing.map((m) => h`<p class="notice">${wording(p, m)}</p>`);
  if (!list.obligations.length) return h`<section class="block" aria-labelledby="p-${project.id}">${head}${missing}${list.missing.length ? '' : h`<p>${t(p.lang, 'deadlinesNone')}</p>`}</section>`;
  const rows = list.obligations.map((o) => row(p, project.id, o));
  return h`<section class="block" aria-labelledby="p-${project.id}">${head}${missing}<table class="list board"><caption class="visually-hidden">${t(p.lang, 'deadlines')}: ${project.title}</caption><thead><tr><th scope="col">${t(p.lang, 'obligation')}</th><th scope="col">${t(p.lang, 'dueDate')}</th><th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'basis')}</th><th scope="col">${t(p.lang, 'prepare')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Projects with overdue obligations first, then by their nearest due date. */
function urgency(list: ProjectObligations): [number, string] {
  const open = list.obligations.filter((o) => o.status !== 'fulfilled');
  return [open.some((o) => o.status === 'overdue') ? 0 : open.length ? 1 : 2, open.map((o) => o.due).sort()[0] ?? '9999'];
}

export function deadlinesPage(p: PageCtx, lists: ProjectObligations[], today: string, all: boolean): Html {
  const admin = p.viewer?.key.role === 'admin';
  const sorted = [...lists].sort((a, b) => {
    const [x, y] = [urgency(a), urgency(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || a.project.title.localeCompare(b.project.title);
  });
  const toggle = all ? h`<a href="/deadlines">${t(p.lang, 'deadlinesShowOpen')}</a>` : h`<a href="/deadlines?all=1">${t(p.lang, 'deadlinesShowAll')}</a>`;
  const body = sorted.length ? sorted.map((l) => projectBoard(p, l, admin)) : [h`<p>${t(p.lang, 'deadlinesNoProjects')}</p>`];
  return shell(p, t(p.lang, 'deadlines'), h`<h1>${t(p.lang, 'deadlines')}</h1><p class="lead">${t(p.lang, 'deadlinesLead', { today })}</p><p>${toggle}</p>${body}`, { wide: true });
}
