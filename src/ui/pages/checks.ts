// The error summary (every problem, each linking to its field), the project problems a draft inherits, and the
// compliance findings with rule, citation and a link to the field: rendered here first, then kept current by the
// client script after every save.
import type { FieldIssue } from '../../core/errors.ts';
import type { Finding } from '../../core/compliance/index.ts';
import type { Lang } from '../../core/i18n/catalogue.ts';
import { fieldTitle } from '../../core/i18n/fields.ts';
import { segments } from '../form/codec.ts';
import { attr, h, type Html } from '../html.ts';
import { t } from '../messages.ts';

const isProject = (path: string) => path === '/project' || path.startsWith('/project/');

export function errorMap(errors: readonly FieldIssue[], lang: Lang): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of errors) if (!m.has(e.path)) m.set(e.path, e.message[lang]);
  return m;
}

/** What a person calls the field at a pointer: its title, and the row it is in (`剩余工作 第 2 行 · 任务`). */
function fieldLabel(scope: string, pointer: string, lang: Lang): string {
  const segs = segments(pointer);
  const path = segs.map((s) => (/^\d+$/.test(s) ? '*' : s)).join('.');
  const title = fieldTitle(scope, path, lang) ?? segs[segs.length - 1] ?? '';
  const rows = segs.flatMap((s, i) => (/^\d+$/.test(s) ? [`${fieldTitle(scope, segs.slice(0, i).map((x) => (/^\d+$/.test(x) ? '*' : x)).join('.'), lang) ?? ''} ${Number(s) + 1}`] : []));
  return [...rows, title].join(' · ');
}

export function errorSummary(errors: readonly FieldIssue[], lang: Lang, opts: { skipProject?: boolean; scope?: string } = {}): Html {
  const own = opts.skipProject ? errors.filter((e) => !isProject(e.path)) : errors;
  const label = (path: string) => (opts.scope ? `${fieldLabel(opts.scope, path, lang)}${lang === 'en' ? ': ' : '：'}` : '');
  const items = own.map((e) => h`<li><a href="#f:${e.path}" data-ptr="${e.path}">${label(e.path)}${e.message[lang]}</a></li>`);
  return h`<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title"${attr(own.length === 0, 'hidden')}><h2 id="error-summary-title">${t(lang, 'errorSummary', { n: own.length })}</h2><ul>${items}</ul></div>`;
}

export function projectProblems(errors: readonly FieldIssue[], lang: Lang, projectUrl: string): Html {
  const own = errors.filter((e) => isProject(e.path));
  const items = own.map((e) => h`<li><a href="${projectUrl}#f:${e.path}">${fieldLabel('*', e.path, lang)}</a>${lang === 'en' ? ': ' : '：'}${e.message[lang]}</li>`);
  return h`<div class="notice warning" id="project-problems"${attr(own.length === 0, 'hidden')}><p>${t(lang, 'projectErrors')}</p><ul>${items}</ul></div>`;
}

export function findingsList(findings: readonly Finding[], valid: boolean, lang: Lang): Html {
  if (!valid) return h`<p class="muted" id="findings-state">${t(lang, 'findingsWait')}</p><ul class="findings" id="findings-list"></ul>`;
  if (!findings.length) return h`<p class="muted" id="findings-state">${t(lang, 'findingsNone')}</p><ul class="findings" id="findings-list"></ul>`;
  const items = findings.map(
    (f) =>
      h`<li class="finding sev-${f.severity}" data-ptr="${f.path}"><span class="sev">${t(lang, `severity_${f.severity}`)}</span> <strong class="rule">${f.ruleId}</strong> <a href="#f:${f.path}" data-ptr="${f.path}">${f.message[lang]}</a>${f.citations.length ? h`<span class="cite">${f.citations.map((c) => c[lang]).join('；')}</span>` : ''}</li>`,
  );
  return h`<p class="muted" id="findings-state" hidden></p><ul class="findings" id="findings-list">${items}</ul>`;
}
