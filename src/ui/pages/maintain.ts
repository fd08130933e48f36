// Template maintenance for people who edit templates in Word: versions of each filing with status and dates, upload
// of a new version (every lint problem with file, tag and explanation), previews of the samples, the diff against
// the published version, publish and retire — what the template API does.
import { FILINGS } from '../../core/filings/index.ts';
import { message } from '../../core/i18n/catalogue.ts';
import type { TemplateVersion } from '../../core/ports.ts';
import { LOCALES } from '../../render/document-job.ts';
import type { LintProblem } from '../../templates/lint/index.ts';
import type { diffTemplates } from '../../usecases/templates.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, fmtTime, shell, type PageCtx } from '../page.ts';

type Diff = Awaited<ReturnType<typeof diffTemplates>>;

export function maintainIndex(p: PageCtx, versionsOf: (id: string) => TemplateVersion[]): Html {
  const rows = FILINGS.map((f) => {
    const vs = versionsOf(f.id);
    const published = vs.filter((v) => v.status === 'published').map((v) => v.version);
    return h`<tr><td><a href="/maintain/${f.id}">${message(p.lang, `filings.${f.id}.title`)}</a></td><td>${published.join(', ') || '—'}</td><td>${vs.filter((v) => v.status === 'draft').length}</td></tr>`;
  });
  return shell(p, t(p.lang, 'maintain'), h`<h1>${t(p.lang, 'maintain')}</h1><table class="list"><caption class="visually-hidden">${t(p.lang, 'templates')}</caption><thead><tr><th scope="col">${t(p.lang, 'filing')}</th><th scope="col">${t(p.lang, 'statusFinal')}</th><th scope="col">${t(p.lang, 'statusOpen')}</th></tr></thead><tbody>${rows}</tbody></table>`);
}

export function lintTable(p: PageCtx, problems: readonly LintProblem[]): Html {
  const rows = problems.map((x) => h`<tr class="sev-${x.severity}"><td>${t(p.lang, `severity_${x.severity}`)}</td><td><code>${x.file ?? ''}</code></td><td><code>${x.tag ?? ''}</code></td><td>${p.lang === 'en' ? x.explanation.en : x.explanation.zh}</td></tr>`);
  return h`<table class="list lint"><caption>${t(p.lang, 'lintProblems')}</caption><thead><tr><th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'lintFile')}</th><th scope="col">${t(p.lang, 'lintTag')}</th><th scope="col">${t(p.lang, 'lintExplanation')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function versionRow(p: PageCtx, filing: string, v: TemplateVersion, samples: string[], published?: TemplateVersion): Html {
  const base = `/maintain/${filing}/${v.version}`;
  const sampleSelect = h`<select class="input" name="sample" aria-label="${t(p.lang, 'sample')}">${samples.map((s) => h`<option value="${s}">${s}</option>`)}</select>`;
  const preview = samples.length ? h`<form method="get" action="${base}/preview" class="inline">${sampleSelect} <button type="submit" class="link">${t(p.lang, 'previewSample')}</button></form>` : '';
  const diff = published && published.version !== v.version ? h` <a href="/maintain/${filing}/diff?from=${published.version}&amp;to=${v.version}">${t(p.lang, 'diff')}</a>` : '';
  const publish =
    v.status === 'draft'
      ? h`<form method="post" action="${base}/publish" class="inline">${csrfInput(p.viewer)}<label class="visually-hidden" for="from-${v.version}">${t(p.lang, 'effectiveFrom')}</label><input class="input short" type="text" id="from-${v.version}" name="effectiveFrom" value="${v.effectiveFrom}" placeholder="YYYY-MM-DD"> <button type="submit" class="secondary">${t(p.lang, 'publish')}</button></form>`
      : '';
  const retire = v.status === 'published' ? h`<form method="post" action="${base}/retire" class="inline">${csrfInput(p.viewer)}<button type="submit" class="secondary danger">${t(p.lang, 'retire')}</button></form>` : '';
  return h`<tr><td>${v.version}</td><td><span class="tag ${v.status}">${v.status}</span></td><td>${v.effectiveFrom}${v.effectiveUntil ? ` – ${v.effectiveUntil}` : ''}</td><td>${v.source ?? ''}</td><td>${v.createdAt ? fmtTime(v.createdAt, p.lang) : ''}</td><td class="actions">${preview}${diff} ${publish}${retire} <a href="${base}/file/docx">DOCX</a> <a href="${base}/file/html">HTML</a></td></tr>`;
}

export function maintainFiling(p: PageCtx, filing: string, versions: TemplateVersion[], samples: string[], outcome?: Html): Html {
  const published = versions.filter((v) => v.status === 'published').sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const rows = versions.map((v) => versionRow(p, filing, v, samples, published));
  const table = h`<table class="list"><caption class="visually-hidden">${t(p.lang, 'templates')}</caption><thead><tr><th scope="col">${t(p.lang, 'version')}</th><th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'effectiveFrom')}</th><th scope="col">source</th><th scope="col">${t(p.lang, 'createdAt')}</th><th scope="col">${t(p.lang, 'actions')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const upload = h`<section class="panel" aria-labelledby="upload-h"><h2 id="upload-h">${t(p.lang, 'upload')}</h2>
<form method="post" action="/maintain/${filing}/upload" enctype="multipart/form-data" novalidate>${csrfInput(p.viewer)}
<div class="field"><label class="label" for="up-version">${t(p.lang, 'version')}</label><input class="input short" type="text" id="up-version" name="version" placeholder="1.1.0" required></div>
<div class="field"><label class="label" for="up-from">${t(p.lang, 'effectiveFrom')}</label><input class="input short" type="text" id="up-from" name="effectiveFrom" placeholder="YYYY-MM-DD" required></div>
<div class="field"><label class="label" for="up-until">${t(p.lang, 'effectiveUntil')} <span class="optional">${t(p.lang, 'optional')}</span></label><input class="input short" type="text" id="up-until" name="effectiveUntil" placeholder="YYYY-MM-DD"></div>
<div class="field"><label class="label" for="up-basis">${t(p.lang, 'regulationBasis')}</label><textarea class="input" id="up-basis" name="regulationBasis" rows="3"></textarea></div>
<div class="field"><label class="label" for="up-docx">${t(p.lang, 'uploadDocx')}</label><input class="file" type="file" id="up-docx" name="docx" accept=".docx"></div>
<div class="field"><label class="label" for="up-html">${t(p.lang, 'uploadHtml')}</label><input class="file" type="file" id="up-html" name="html" accept=".hbs,.html,text/html"></div>
<button type="submit" class="primary">${t(p.lang, 'upload')}</button>
</form></section>`;
  const title = `${t(p.lang, 'templates')} · ${message(p.lang, `filings.${filing}.title`)}`;
  return shell(p, title, h`<p class="breadcrumb"><a href="/maintain">${t(p.lang, 'maintain')}</a></p><h1>${title}</h1>${outcome ?? ''}${table}${upload}`, { wide: true });
}

export function samplePreviewPage(p: PageCtx, filing: string, v: TemplateVersion, sample: string): Html {
  const base = `/maintain/${filing}/${v.version}`;
  const q = `sample=${encodeURIComponent(sample)}`;
  const links = LOCALES.map((l) => h`<li>${l}: <a href="${base}/sample?${q}&amp;format=docx&amp;locale=${l}">DOCX</a> · <a href="${base}/sample?${q}&amp;format=pdf&amp;locale=${l}">PDF</a></li>`);
  const title = `${message(p.lang, `filings.${filing}.title`)} ${v.version} · ${sample}`;
  return shell(p, title, h`<p class="breadcrumb"><a href="/maintain/${filing}">${t(p.lang, 'templates')}</a></p><h1>${title}</h1><ul class="links">${links}</ul><iframe class="sample-preview" title="${t(p.lang, 'previewTitle')}" sandbox="" src="${base}/sample?${q}&amp;format=html&amp;locale=${p.lang === 'en' ? 'en' : 'zh-CN'}"></iframe>`, { wide: true });
}

export function diffPage(p: PageCtx, diff: Diff): Html {
  const list = (label: string, items: string[]) => h`<div><h3>${label}</h3>${items.length ? h`<ul>${items.map((i) => h`<li><code>${i}</code></li>`)}</ul>` : h`<p class="muted">—</p>`}</div>`;
  const none = [...diff.sections.added, ...diff.sections.removed, ...diff.sections.reordered, ...diff.tags.docx.added, ...diff.tags.docx.removed, ...diff.tags.html.added, ...diff.tags.html.removed].length === 0;
  const title = `${diff.from} → ${diff.to}`;
  const body = h`<p class="breadcrumb"><a href="/maintain/${diff.filing}">${t(p.lang, 'templates')}</a></p><h1>${message(p.lang, `filings.${diff.filing}.title`)}: ${title}</h1>${none ? h`<p>${t(p.lang, 'diffNone')}</p>` : ''}
<section class="panel"><h2>${t(p.lang, 'sections')}</h2><div class="three-up">${list(t(p.lang, 'diffAdded'), diff.sections.added)}${list(t(p.lang, 'diffRemoved'), diff.sections.removed)}${list(t(p.lang, 'diffReordered'), diff.sections.reordered)}</div></section>
<section class="panel"><h2>DOCX</h2><div class="three-up">${list(t(p.lang, 'diffAdded'), diff.tags.docx.added)}${list(t(p.lang, 'diffRemoved'), diff.tags.docx.removed)}</div></section>
<section class="panel"><h2>HTML</h2><div class="three-up">${list(t(p.lang, 'diffAdded'), diff.tags.html.added)}${list(t(p.lang, 'diffRemoved'), diff.tags.html.removed)}</div></section>`;
  return shell(p, title, body, { wide: true });
}
