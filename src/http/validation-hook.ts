// What a failed zod validator of a route means to the caller: an unknown filing in the path is 404 with the valid
// ids, a bad query value is 400 naming the parameter, a bad body is 422 with every bad field and its JSON Pointer.
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { AppError } from '../core/errors.ts';
import { inputInvalid, toFieldIssues } from '../core/validation.ts';
import { FORMATS, LOCALES } from '../render/document-job.ts';
import { unknownFiling } from '../usecases/filings.ts';
import { httpError } from './problem.ts';

type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';

const QUERY_MESSAGES: Record<string, [string, string]> = {
  draft: ['draft 应为 true 或 false。', 'draft must be true or false.'],
  limit: ['limit 应为 1 到 500 之间的整数。', 'limit must be an integer from 1 to 500.'],
  before: ['before 游标无效。', 'The before cursor is invalid.'],
  from: ['请用 from 和 to 指定两个版本。', 'Name two versions with from and to.'],
  to: ['请用 from 和 to 指定两个版本。', 'Name two versions with from and to.'],
};

function queryProblem(name: string, value: string | undefined): AppError {
  if (name === 'filing') return unknownFiling(value ?? '');
  if (name === 'format') return httpError('format_unknown', `未知的格式“${value}”，应为 docx、pdf 或 html。`, `Unknown format "${value}"; use docx, pdf or html.`, { valid: [...FORMATS] });
  if (name === 'locale') return httpError('locale_unknown', `未知的语言“${value}”，应为 zh-CN、en 或 bilingual。`, `Unknown locale "${value}"; use zh-CN, en or bilingual.`, { valid: [...LOCALES] });
  const [zh, en] = QUERY_MESSAGES[name] ?? [`查询参数 ${name} 无效。`, `The query parameter ${name} is invalid.`];
  return httpError('query_invalid', zh, en, { parameter: name });
}

function paramProblem(name: string, value: string | undefined): AppError {
  if (name === 'id' || name === 'filing') return unknownFiling(value ?? '');
  return httpError('not_found', `没有这个地址（${name}: ${value}）。`, `No such resource (${name}: ${value}).`);
}

/** Raises the service's problem for a failed validator; returns nothing when the value passed. */
export type ValidationResult = { success: boolean; target: Target; error?: ZodError };

export function validationHook(result: ValidationResult, c: Context): undefined {
  if (result.success || !result.error) return undefined;
  const first = result.error.issues[0];
  const name = String(first?.path[0] ?? '');
  switch (result.target) {
    case 'param':
      throw paramProblem(name, c.req.param(name));
    case 'query':
      throw queryProblem(name, c.req.query(name));
    case 'form': {
      const issues = toFieldIssues(result.error.issues);
      throw new AppError({ code: 'upload_invalid', message: { 'zh-CN': `上传内容有${issues.length}处问题。`, en: `The upload has ${issues.length} problem(s).` }, issues });
    }
    default:
      throw inputInvalid(toFieldIssues(result.error.issues));
  }
}
