// The projects of the signed-in person's organisation (every organisation's for admins), and a new one.
import type { ProjectRecord } from '../../core/ports.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, fmtTime, shell, type PageCtx } from '../page.ts';

export function projectsPage(p: PageCtx, projects: ProjectRecord[]): Html {
  const admin = p.viewer?.key.role === 'admin';
  const rows = projects.map(
    (x) => h`<tr><td><a href="/projects/${x.id}">${x.title}</a></td>${admin ? h`<td>${x.org}</td>` : ''}<td>${t(p.lang, 'revision', { n: x.revision })}</td><td>${fmtTime(x.updatedAt, p.lang)}</td></tr>`,
  );
  const table = projects.length
    ? h`<table class="list"><caption class="visually-hidden">${t(p.lang, 'projects')}</caption><thead><tr><th scope="col">${t(p.lang, 'projectName')}</th>${admin ? h`<th scope="col">${t(p.lang, 'org')}</th>` : ''}<th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'updated')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : h`<p>${t(p.lang, 'noProjects')}</p>`;
  const form = h`<section class="panel" aria-labelledby="new-project"><h2 id="new-project">${t(p.lang, 'newProject')}</h2>
<form method="post" action="/projects" novalidate>${csrfInput(p.viewer)}
<div class="field"><label class="label" for="project-name">${t(p.lang, 'projectName')}</label><input class="input" type="text" id="project-name" name="name" maxlength="200" required></div>
<button type="submit" class="primary">${t(p.lang, 'create')}</button>
</form></section>`;
  return shell(p, t(p.lang, 'projects'), h`<h1>${t(p.lang, 'projects')}</h1>${table}${form}`);
}
