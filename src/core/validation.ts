// Schema validation with every problem reported at once, each with its JSON Pointer and messages in zh-CN and en.
import type { z } from 'zod';
import { AppError, jsonPointer, type FieldIssue } from './errors.ts';
import { fieldMessageKey } from './filings/schema-parts.ts';
import { lookup, message } from './i18n/catalogue.ts';

type Issue = z.core.$ZodIssue;

function both(key: string, vars: Record<string, string | number> = {}): { 'zh-CN': string; en: string } {
  return { 'zh-CN': message('zh-CN', `errors.fields.${key}`, vars), en: message('en', `errors.fields.${key}`, vars) };
}

const TYPE_NAMES_ZH: Record<string, string> = {
  array: '数组',
  object: '对象',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  int: '整数',
};

function describe(issue: Issue): { code: string; message: { 'zh-CN': string; en: string } } {
  const custom = fieldMessageKey(issue.message);
  if (custom && lookup('en', `errors.fields.${custom}`) !== undefined) {
    const bounds = issue as { minimum?: unknown; maximum?: unknown };
    const vars: Record<string, string | number> = {};
    if (bounds.minimum !== undefined) vars.min = Number(bounds.minimum);
    if (bounds.maximum !== undefined) vars.max = Number(bounds.maximum);
    return { code: custom, message: both(custom, vars) };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { code: 'required', message: both('required') };
      return {
        code: 'invalid_type',
        message: {
          'zh-CN': message('zh-CN', 'errors.fields.invalid_type', { expected: TYPE_NAMES_ZH[issue.expected] ?? issue.expected }),
          en: message('en', 'errors.fields.invalid_type', { expected: issue.expected }),
        },
      };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return { code: 'too_small', message: both(min <= 1 ? 'list_empty' : 'list_too_short', { min }) };
      if (issue.origin === 'string') return { code: 'too_small', message: both(min <= 1 ? 'required_text' : 'text_too_short', { min }) };
      return { code: 'too_small', message: both('number_too_small', { min }) };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return { code: 'too_big', message: both('list_too_long', { max }) };
      if (issue.origin === 'string') return { code: 'too_big', message: both('text_too_long', { max }) };
      return { code: 'too_big', message: both('number_too_large', { max }) };
    }
    case 'invalid_value':
      return { code: 'invalid_value', message: both('invalid_value', { values: issue.values.map(String).join(', ') }) };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', message: both('unrecognized_keys', { keys: issue.keys.join(', ') }) };
    case 'invalid_union':
      return { code: 'invalid_union', message: both('invalid_union') };
    case 'invalid_format':
      return { code: 'invalid_format', message: both('invalid_format') };
    default:
      return { code: issue.code, message: both('invalid_value_generic') };
  }
}

/** Flattens zod issues (descending into unions that failed in a single branch) into field issues. */
export function toFieldIssues(issues: readonly Issue[], base: PropertyKey[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const d = describe({ ...issue, keys: [key] });
        out.push({ path: jsonPointer([...path, key]), code: d.code, message: d.message });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length && issue.errors.every((errs) => errs.some((e) => e.code === 'invalid_type' && e.path.length === 0 && /received undefined/.test(e.message)))) {
      out.push({ path: jsonPointer(path), code: 'required', message: both('required') });
      continue;
    }
    const rootTypes = issue.code === 'invalid_union' ? issue.errors.map((errs) => errs.find((e) => e.code === 'invalid_type' && e.path.length === 0)) : [];
    if (rootTypes.length && rootTypes.every((e) => e !== undefined)) {
      const expected = [...new Set(rootTypes.map((e) => (e as { expected: string }).expected))];
      out.push({
        path: jsonPointer(path),
        code: 'invalid_type',
        message: {
          'zh-CN': message('zh-CN', 'errors.fields.invalid_type', { expected: expected.map((t) => TYPE_NAMES_ZH[t] ?? t).join('或') }),
          en: message('en', 'errors.fields.invalid_type', { expected: expected.join(' or ') }),
        },
      });
      continue;
    }
    if (issue.code === 'invalid_union') {
      // For text given as a string or {zh, en}: report the branch that matches the shape the caller used.
      const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.code !== 'invalid_type' || e.path.length > 0));
      if (branch) {
        out.push(...toFieldIssues(branch, path));
        continue;
      }
    }
    const d = describe(issue);
    out.push({ path: jsonPointer(path), code: d.code, message: d.message });
  }
  return out;
}

export function inputInvalid(issues: FieldIssue[]): AppError {
  return new AppError({
    code: 'input_invalid',
    message: {
      'zh-CN': `输入数据有${issues.length}处错误。`,
      en: `The input has ${issues.length} error(s).`,
    },
    issues,
  });
}

/** Parses input against a schema or throws `input_invalid` with every issue. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw inputInvalid(toFieldIssues(result.error.issues));
}
