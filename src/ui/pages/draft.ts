// The draft editor: the filing's form in its chapters with progress, the error summary, the compliance findings as
// typed, a live preview in a sandboxed frame, downloads, JSON export and import, history and the final generation.
import { filingById } from '../../core/filings/index.ts';
import { message } from '../../core/i18n/catalogue.ts';
import type { DraftRecord, FinalRecord, ProjectRecord } from '../../core/ports.ts';
import { LOCALES } from '../../render/document-job.ts';
import type { DraftCheck } from '../../usecases/drafts.ts';
import { activeVariant, filingModel, filingSections } from '../form/filing-form.ts';
import { attr, h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, fmtTime, shell, type PageCtx } from '../page.ts';
import { errorMap, errorSummary, findingsList, projectProblems } from './checks.ts';
import { formSections, sectionNav } from './sections.ts';

const LOCALE_KEY = { 'zh-CN': 'locale_zhCN', en: 'locale_en', bilingual: 'locale_bilingual' } as const;

function localeSelect(p: PageCtx, id: string): Html {
  return h`<select class="input" id="${id}" name="locale">${LOCALES.map((l) => h`<option value="${l}"${attr(l === (p.lang === 'en' ? 'en' : 'zh-CN'), 'selected')}>${t(p.lang, LOCALE_KEY[l])}</option>`)}</select>`;
}

function sidePanel(p: PageCtx, base: string, draft: DraftRecord, check: DraftCheck, finals: FinalRecord[]): Html {
  const previewSrc = `${base}/preview?locale=${p.lang === 'en' ? 'en' : 'zh-CN'}&rev=${draft.revision}`;
  const final = draft.status === 'final';
  const findings = h`<section class="panel" aria-labelledby="findings-h" id="findings" aria-live="polite"><h2 id="findings-h">${t(p.lang, 'findings')}</h2>${findingsList(check.findings, check.valid, p.lang)}</section>`;
  const preview = h`<section class="panel preview" aria-labelledby="preview-h"><h2 id="preview-h">${t(p.lang, 'preview')}</h2>
<p class="muted" id="preview-state"${attr(check.valid, 'hidden')}>${t(p.lang, 'previewNeedsValid', { n: check.errors.length })}</p>
<iframe id="preview" title="${t(p.lang, 'previewTitle')}" sandbox="" src="${previewSrc}" data-base="${base}/preview" loading="lazy"></iframe>
<form method="get" action="${base}/download" class="downloads">
<div class="field"><label class="label" for="download-locale">${t(p.lang, 'docLocale')}</label>${localeSelect(p, 'download-locale')}</div>
<div class="button-row"><button type="submit" name="format" value="docx" class="secondary">${t(p.lang, 'downloadDocx')}</button> <button type="submit" name="format" value="pdf" class="secondary">${t(p.lang, 'downloadPdf')}</button></div>
<p class="hint">${t(p.lang, 'draftMark')}</p>
</form></section>`;
  const finalForm = final
    ? h`<form method="post" action="${base}/reopen">${csrfInput(p.viewer)}<button type="submit" class="secondary">${t(p.lang, 'reopen')}</button></form>`
    : h`<form method="post" action="${base}/final" id="final-form">${csrfInput(p.viewer)}<p class="hint">${t(p.lang, 'generateFinalHint')}</p><div class="field"><label class="label" for="final-locale">${t(p.lang, 'docLocale')}</label>${localeSelect(p, 'final-locale')}</div><button type="submit" class="primary" id="final-button">${t(p.lang, 'generateFinal')}</button></form>`;
  const finalsList = finals.length
    ? h`<h3>${t(p.lang, 'finals')}</h3><ul class="finals">${finals.map((f) => h`<li>${fmtTime(f.generatedAt, p.lang)} · ${f.templateVersion} · ${t(p.lang, 'revision', { n: f.revision })} <code title="SHA-256">${f.inputSha256.slice(0, 12)}</code></li>`)}</ul>`
    : '';
  const tools = h`<section class="panel" aria-labelledby="tools-h"><h2 id="tools-h">${t(p.lang, 'actions')}</h2>
<p><a href="${base}/export" download>${t(p.lang, 'exportJson')}</a> · <a href="${base}/history">${t(p.lang, 'history')}</a></p>
${final ? '' : h`<form method="post" action="${base}/import" enctype="multipart/form-data" novalidate>${csrfInput(p.viewer)}<div class="field"><label class="label" for="draft-import">${t(p.lang, 'importJson')}</label><div class="hint" id="draft-import-hint">${t(p.lang, 'importHint')}</div><input class="file" type="file" id="draft-import" name="file" accept="application/json,.json" aria-describedby="draft-import-hint"></div><button type="submit" class="secondary">${t(p.lang, 'importJson')}</button></form>`}
${finalForm}${finalsList}</section>`;
  return h`${findings}${preview}${tools}`;
}

export function draftPage(p: PageCtx, project: ProjectRecord, draft: DraftRecord, check: DraftCheck, finals: FinalRecord[]): Html {
  const def = filingById(draft.filingId)!;
  const base = `/projects/${project.id}/drafts/${draft.id}`;
  const final = draft.status === 'final';
  const ctx = { scope: def.id, lang: p.lang, errors: errorMap(check.errors, p.lang), suffix: '', off: final };
  const sections = filingSections(def, draft.data, ctx);
  const shown = new Set(activeVariant(filingModel(def), draft.data).group.props.map((p) => p.key));
  const hiddenKeys = typeof draft.data === 'object' && draft.data !== null ? Object.keys(draft.data).filter((k) => !shown.has(k)) : [];
  const title = message(p.lang, `filings.${def.id}.title`);
  const banner = final && finals[0] ? h`<p class="notice ok">${t(p.lang, 'finalReadOnly', { version: finals[0].templateVersion, at: fmtTime(finals[0].generatedAt, p.lang) })}</p>` : '';
  const form = h`<form id="draft-form" class="generated" method="post" action="${base}" novalidate data-autosave="draft" data-api="/v1/projects/${project.id}/drafts/${draft.id}" data-revision="${draft.revision}" data-key="draft:${draft.id}" data-history="${base}/history"${attr(final, 'data-final')}${attr(hiddenKeys.length > 0 && !final, 'data-normalize')}>
${csrfInput(p.viewer)}<input type="hidden" name="_revision" value="${draft.revision}">
<div class="toolbar"><button type="button" class="secondary" data-toggle-english aria-pressed="false">${t(p.lang, 'showEnglish')}</button></div>
${formSections(sections)}
${final ? '' : h`<div class="form-actions sticky"><button type="submit" class="primary" name="_action" value="save">${t(p.lang, 'save')}</button></div>`}
</form>`;
  const body = h`<div class="editor" data-editor>
<aside class="editor-nav">${sectionNav(sections, p.lang)}</aside>
<div class="editor-main">
<p class="breadcrumb"><a href="/projects/${project.id}">${project.title}</a></p>
<h1>${title}${draft.title !== def.id ? h` · ${draft.title}` : ''}</h1>
<p class="meta"><span class="tag ${draft.status}">${t(p.lang, final ? 'statusFinal' : 'statusOpen')}</span> · <span class="save-status" id="save-status" role="status" aria-live="polite">${t(p.lang, 'revision', { n: draft.revision })}</span></p>
${banner}
<div id="conflict" class="notice warning" role="alert" hidden></div>
${errorSummary(check.errors, p.lang, { skipProject: true, scope: def.id })}
${projectProblems(check.errors, p.lang, `/projects/${project.id}`)}
${form}
</div>
<aside class="editor-side">${sidePanel(p, base, draft, check, finals)}</aside>
</div>`;
  return shell(p, `${title} · ${project.title}`, body, { wide: true });
}
