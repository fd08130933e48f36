// The post-render check: every required section marker present and in order, no template tag or
// stray `undefined`/`null`/`NaN`/`[object Object]` that did not come from the caller's own text.
import { AppError } from '../core/errors.ts';

export interface OutputUnderCheck {
  format: 'docx' | 'html';
  /** Section ids in the order their markers appear in the output. */
  markers: string[];
  /** Section ids the registry requires for this input, in order. */
  required: string[];
  /** Visible text of the output. */
  text: string;
  /** Returns every string the caller sent (values only), to tell caller text from template leftovers. */
  inputStrings: () => string[];
}

export interface OutputProblem {
  code: 'section_missing' | 'section_unexpected' | 'section_out_of_order' | 'tag_left' | 'bad_value';
  detail: string;
}

const TAG_PATTERNS = {
  docx: /\{[#/^@-]?[A-Za-z_.][\w.:-]*(?: [\w.:-]+)?\}/g,
  html: /\{\{[^{}]{0,200}\}\}/g,
};
const BAD_VALUES = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/g;

export function findOutputProblems(o: OutputUnderCheck): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const found = new Set(o.markers);
  const wanted = new Set(o.required);
  for (const id of o.required) if (!found.has(id)) problems.push({ code: 'section_missing', detail: id });
  for (const id of o.markers) if (!wanted.has(id)) problems.push({ code: 'section_unexpected', detail: id });
  const seen = o.markers.filter((id) => wanted.has(id));
  const expected = o.required.filter((id) => found.has(id));
  if (seen.join('|') !== expected.join('|')) problems.push({ code: 'section_out_of_order', detail: seen.join(', ') });

  let blob: string | undefined;
  const fromCaller = (s: string) => (blob ??= o.inputStrings().join('\u0000')).includes(s);
  for (const m of o.text.matchAll(TAG_PATTERNS[o.format])) {
    if (!fromCaller(m[0])) problems.push({ code: 'tag_left', detail: m[0] });
  }
  for (const m of o.text.matchAll(BAD_VALUES)) {
    if (!fromCaller(m[0])) problems.push({ code: 'bad_value', detail: m[0] });
  }
  return problems;
}

export function assertOutput(o: OutputUnderCheck): void {
  const problems = findOutputProblems(o);
  if (problems.length) {
    throw new AppError({
      code: 'output_check_failed',
      message: {
        'zh-CN': `生成的文档未通过完整性检查（${problems.length}处问题），未予输出。`,
        en: `The generated document failed its completeness check (${problems.length} problem(s)) and was not returned.`,
      },
      details: { format: o.format, problems },
    });
  }
}

/** Every string value in a JSON value, depth first. */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}
