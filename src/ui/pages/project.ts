// A project: its filings (new ones empty, from a sample or from JSON), the consistency check across them, and the
// form of its shared facts and milestones (saved as typed).
import { FILINGS } from '../../core/filings/index.ts';
import { message } from '../../core/i18n/catalogue.ts';
import type { DraftRecord, ProjectRecord, SampleSource } from '../../core/ports.ts';
import type { PackageCheck } from '../../usecases/draft-documents.ts';
import { validateProject } from '../../usecases/projects.ts';
import { projectSections } from '../form/filing-form.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, fmtTime, shell, type PageCtx } from '../page.ts';
import { errorMap, errorSummary } from './checks.ts';
import { formSections, sectionNav } from './sections.ts';

const filingTitle = (id: string, lang: PageCtx['lang']) => message(lang, `filings.${id}.title`);

function draftsTable(p: PageCtx, project: ProjectRecord, drafts: DraftRecord[]): Html {
  if (!drafts.length) return h`<p>—</p>`;
  const rows = drafts.map(
    (d) =>
      h`<tr><td><a href="/projects/${project.id}/drafts/${d.id}">${filingTitle(d.filingId, p.lang)}</a></td><td>${d.title === d.filingId ? '' : d.title}</td><td><span class="tag ${d.status}">${t(p.lang, d.status === 'final' ? 'statusFinal' : 'statusOpen')}</span></td><td>${t(p.lang, 'revision', { n: d.revision })}</td><td>${fmtTime(d.updatedAt, p.lang)}</td></tr>`,
  );
  return h`<table class="list"><caption class="visually-hidden">${t(p.lang, 'filings')}</caption><thead><tr><th scope="col">${t(p.lang, 'filing')}</th><th scope="col">${t(p.lang, 'draftTitle')}</th><th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'revision', { n: '' }).trim()}</th><th scope="col">${t(p.lang, 'updated')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function newDraftForms(p: PageCtx, project: ProjectRecord, samples: SampleSource): Html {
  const groups = FILINGS.map((f) => {
    const options = [h`<option value="${f.id}|">${filingTitle(f.id, p.lang)} — ${t(p.lang, 'startEmpty')}</option>`, ...samples.list(f.id).map((s) => h`<option value="${f.id}|${s}">${filingTitle(f.id, p.lang)} — ${t(p.lang, 'startSample', { name: s })}</option>`)];
    return h`<optgroup label="${filingTitle(f.id, p.lang)}">${options}</optgroup>`;
  });
  const filingOptions = FILINGS.map((f) => h`<option value="${f.id}">${filingTitle(f.id, p.lang)}</option>`);
  return h`<div class="two-up">
<form method="post" action="/projects/${project.id}/drafts" class="panel" novalidate>${csrfInput(p.viewer)}
<h3>${t(p.lang, 'newDraft')}</h3>
<div class="field"><label class="label" for="new-start">${t(p.lang, 'startFrom')}</label><select class="input" id="new-start" name="start">${groups}</select></div>
<div class="field"><label class="label" for="new-title">${t(p.lang, 'draftTitle')}</label><input class="input" type="text" id="new-title" name="title" maxlength="200"></div>
<button type="submit" class="primary">${t(p.lang, 'create')}</button>
</form>
<form method="post" action="/projects/${project.id}/drafts/import" enctype="multipart/form-data" class="panel" novalidate>${csrfInput(p.viewer)}
<h3>${t(p.lang, 'importJson')}</h3>
<div class="field"><label class="label" for="import-filing">${t(p.lang, 'filing')}</label><select class="input" id="import-filing" name="filing">${filingOptions}</select></div>
<div class="field"><label class="label" for="import-file">${t(p.lang, 'importFile')}</label><div class="hint" id="import-hint">${t(p.lang, 'importHint')}</div><input class="file" type="file" id="import-file" name="file" accept="application/json,.json" aria-describedby="import-hint"></div>
<button type="submit" class="secondary">${t(p.lang, 'importJson')}</button>
</form>
</div>`;
}

function consistency(p: PageCtx, check: PackageCheck): Html {
  if (!check.differences.length) return h`<p class="notice ok">${t(p.lang, 'consistencyNone')}</p>`;
  const items = check.differences.map((d) => {
    const sides = d.values.map((v) => h`<li>${filingTitle(v.filingId, p.lang)} <code>${v.pointer}</code>: <span class="value">${v.value === null ? '—' : typeof v.value === 'string' ? v.value : JSON.stringify(v.value)}</span></li>`);
    return h`<li class="difference"><strong>${t(p.lang, 'consistencyFact', { fact: d.fact === 'project' ? d.values[0]!.pointer : d.fact })}</strong><ul>${sides}</ul></li>`;
  });
  return h`<ul class="differences" id="differences">${items}</ul>`;
}

export function projectPage(p: PageCtx, project: ProjectRecord, drafts: DraftRecord[], check: PackageCheck, samples: SampleSource): Html {
  const errors = validateProject(project.data);
  const ctx = { scope: '*', lang: p.lang, errors: errorMap(errors, p.lang), suffix: '', off: false };
  const sections = projectSections(project.data, ctx);
  const form = h`<form id="project-form" class="generated" method="post" action="/projects/${project.id}" novalidate data-autosave="project" data-api="/v1/projects/${project.id}" data-revision="${project.revision}" data-key="project:${project.id}">
${csrfInput(p.viewer)}<input type="hidden" name="_revision" value="${project.revision}">
<p class="hint">${t(p.lang, 'projectFactsHint')}</p>
${errorSummary(errors, p.lang, { scope: '*' })}
${formSections(sections)}
<div class="form-actions"><button type="submit" class="primary">${t(p.lang, 'save')}</button> <span class="save-status" id="save-status" role="status" aria-live="polite">${t(p.lang, 'revision', { n: project.revision })}</span></div>
</form>`;
  const body = h`<h1>${project.title}</h1>
<p class="meta">${t(p.lang, 'org')}: ${project.org} · ${t(p.lang, 'revision', { n: project.revision })} · ${t(p.lang, 'updated')} ${fmtTime(project.updatedAt, p.lang)}</p>
<section aria-labelledby="filings-h" class="block"><h2 id="filings-h">${t(p.lang, 'filings')}</h2>${draftsTable(p, project, drafts)}${newDraftForms(p, project, samples)}</section>
<section aria-labelledby="consistency-h" class="block"><h2 id="consistency-h">${t(p.lang, 'consistency')}</h2>${consistency(p, check)}</section>
<div class="editor"><aside class="editor-nav">${sectionNav(sections, p.lang)}</aside><div class="editor-main"><h2>${t(p.lang, 'projectFacts')}</h2>${form}</div></div>`;
  return shell(p, project.title, body, { wide: true });
}
