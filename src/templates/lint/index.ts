// Template version linter: everything a new DOCX + HTML template version must pass before it is accepted.
import type { FilingDefinition } from '../../core/filings/index.ts';
import { lintDocxTemplate, type DocxLintLimits } from './lint-docx.ts';
import { lintHtmlTemplate, type HtmlLintLimits } from './lint-html.ts';
import { hasErrors, lintProblem, type LintProblem } from './problem.ts';

export type { LintProblem } from './problem.ts';
export type { ZipLimits, ZipEntry, ZipInspection } from './zip-inspect.ts';
export type { InflateResult } from './zip-inflate.ts';
export { lintDocxTemplate, type DocxLintLimits, type DocxLintOptions } from './lint-docx.ts';
export { lintHtmlTemplate, type HtmlLintLimits, type HtmlLintOptions } from './lint-html.ts';

export interface TemplateVersionInput {
  filing: FilingDefinition;
  /** The DOCX template's bytes. */
  docx?: Uint8Array;
  /** The HTML template's Handlebars source. */
  html?: string;
  /** ISO date the version takes effect (its manifest's effectiveFrom); omitted: every registry section is required. */
  date?: string;
  limits?: Partial<DocxLintLimits & HtmlLintLimits>;
}

export interface TemplateLintResult {
  /** No problem of severity `error`: the version may be accepted (warnings are shown to the maintainer). */
  ok: boolean;
  problems: LintProblem[];
}

/** Lints both files of a template version and returns every problem at once. */
export function lintTemplateVersion(input: TemplateVersionInput): TemplateLintResult {
  const { filing, docx, html, date, limits } = input;
  const problems: LintProblem[] = [];
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    problems.push(lintProblem('invalid_date', 'error', `日期“${date}”不是 YYYY-MM-DD 格式。`, `The date "${date}" is not in YYYY-MM-DD form.`));
  }
  if (docx === undefined && html === undefined) {
    problems.push(lintProblem('no_template_files', 'error', '没有提供要检查的模板文件（DOCX 或 HTML）。', 'No template file (DOCX or HTML) was given to lint.'));
  }
  const when = date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {};
  if (docx !== undefined) problems.push(...lintDocxTemplate(docx, { filing, ...when, ...(limits ? { limits } : {}) }));
  if (html !== undefined) problems.push(...lintHtmlTemplate(html, { filing, ...when, ...(limits ? { limits } : {}) }));
  return { ok: !hasErrors(problems), problems };
}
