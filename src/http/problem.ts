// The one place where errors become HTTP: status per code, RFC 9457 problem+json in the caller's language.
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type ErrorCode, type Locale } from '../core/errors.ts';
import type { Finding } from '../core/compliance/index.ts';
import type { LintProblem } from '../templates/lint/index.ts';

export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  filing_unknown: 404,
  sample_unknown: 404,
  not_found: 404,
  key_unknown: 404,
  template_version_unknown: 404,
  template_version_exists: 409,
  template_version_state: 409,
  template_lint_failed: 422,
  upload_invalid: 422,
  project_unknown: 404,
  draft_unknown: 404,
  revision_unknown: 404,
  project_conflict: 409,
  draft_conflict: 409,
  draft_final: 409,
  csrf_failed: 403,
  sign_in_failed: 401,
  obligation_unknown: 404,
  receiver_unknown: 404,
  delivery_unknown: 404,
  delivery_not_dead: 409,
  webhook_url_refused: 422,
  feed_unknown: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  body_too_large: 413,
  unsupported_media_type: 415,
  json_invalid: 400,
  form_invalid: 400,
  json_too_deep: 400,
  json_forbidden_key: 400,
  query_invalid: 400,
  locale_unknown: 400,
  format_unknown: 400,
  auth_header_malformed: 400,
  unauthorized: 401,
  forbidden: 403,
  input_invalid: 422,
  compliance_failed: 422,
  package_invalid: 422,
  json_limit_exceeded: 422,
  template_missing: 422,
  too_many_pages: 422,
  output_too_large: 422,
  rate_limited: 429,
  auth_throttled: 429,
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  idempotency_in_flight: 409,
  idempotency_result_unavailable: 409,
  queue_full: 503,
  render_timeout: 503,
  renderer_unavailable: 503,
  renderer_crashed: 503,
  shutting_down: 503,
  database_busy: 503,
  template_invalid: 500,
  template_corrupt: 500,
  output_check_failed: 500,
  render_failed: 500,
  internal: 500,
};

export const ERROR_CODES = Object.keys(STATUS) as [ErrorCode, ...ErrorCode[]];

const TITLES: Partial<Record<ErrorCode, Record<Locale, string>>> = {
  input_invalid: { 'zh-CN': '输入数据无效', en: 'Invalid input' },
  unauthorized: { 'zh-CN': '未认证', en: 'Unauthorized' },
  forbidden: { 'zh-CN': '无权限', en: 'Forbidden' },
};

/** Codes of server-side trouble whose details still help the caller (when to retry, what budget ran out). */
const RETRYABLE_DETAILS = new Set<ErrorCode>(['queue_full', 'render_timeout', 'shutting_down', 'database_busy']);

export function localizeFindings(findings: readonly Finding[], locale: Locale) {
  return findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: f.message[locale], citations: f.citations.map((c) => c[locale]) }));
}

export function localizeLintProblems(problems: readonly LintProblem[], locale: Locale) {
  return problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    ...(p.file ? { file: p.file } : {}),
    ...(p.tag ? { tag: p.tag } : {}),
    explanation: locale === 'en' ? p.explanation.en : p.explanation.zh,
  }));
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; code: string; message: string }>;
  [key: string]: unknown;
}

function problemBody(e: AppError, locale: Locale): ProblemBody {
  const status = STATUS[e.code];
  const body: ProblemBody = {
    type: `urn:filing-service:problem:${e.code}`,
    title: TITLES[e.code]?.[locale] ?? e.code.replace(/_/g, ' '),
    status,
    code: e.code,
    detail: e.messageIn(locale),
  };
  if (e.issues.length) body.errors = e.issues.map((i) => ({ path: i.path, code: i.code, message: i.message[locale] }));
  // Details are for the caller only where they help fix the request; server-side failures keep theirs in the log.
  if (status < 500 || RETRYABLE_DETAILS.has(e.code)) Object.assign(body, e.details);
  if (Array.isArray(e.details.findings)) body.findings = localizeFindings(e.details.findings as Finding[], locale);
  if (e.code === 'template_lint_failed' && Array.isArray(e.details.problems)) body.problems = localizeLintProblems(e.details.problems as LintProblem[], locale);
  return body;
}

export function httpError(code: ErrorCode, zh: string, en: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) });
}

/** Errors raised by Hono's own middleware, in the service's terms. */
function fromHttpException(e: HTTPException): AppError {
  if (e.status === 413) return httpError('body_too_large', '请求体过大。', 'The request body is too large.');
  if (e.status === 415) return httpError('unsupported_media_type', '不支持的请求体类型。', 'Unsupported request body type.');
  if (e.status === 400 && e.message.startsWith('Malformed FormData')) return httpError('form_invalid', '上传内容不是有效的 multipart/form-data。', 'The upload is not valid multipart/form-data.');
  if (e.status === 400) return httpError('json_invalid', '请求体不是有效的 JSON。', 'The request body is not valid JSON.');
  return new AppError({ code: 'internal', message: { 'zh-CN': '服务内部错误。', en: 'Internal server error.' }, cause: e });
}

export function callerLocale(c: Context<AppEnv>): Locale {
  return c.get('language') ?? 'zh-CN';
}

export function problemResponse(c: Context<AppEnv>, e: unknown, log: (entry: Record<string, unknown>) => void): Response {
  if (e instanceof HTTPException && e.res) return e.getResponse();
  const err = isAppError(e) ? e : e instanceof HTTPException ? fromHttpException(e) : new AppError({ code: 'internal', message: { 'zh-CN': '服务内部错误。', en: 'Internal server error.' }, cause: e });
  const locale = callerLocale(c);
  const body = problemBody(err, locale);
  if (body.status >= 500 && !isAppError(e) && c.req.raw.signal?.aborted) {
    // The caller went away (a body cut off mid-upload fails its read): nobody gets this answer, and it is not a fault.
    log({ level: 'info', msg: 'request ended by the client before its answer', requestId: c.get('requestId'), cause: e instanceof Error ? e.message : String(e) });
  } else if (body.status >= 500) {
    log({ level: 'error', code: err.code, requestId: c.get('requestId'), details: err.details, cause: err.cause instanceof Error ? err.cause.stack : String(err.cause ?? '') });
  }
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale };
  const retry = err.details.retryAfterSeconds;
  if (typeof retry === 'number') headers['retry-after'] = String(retry);
  else if (body.status === 503) headers['retry-after'] = '5';
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers);
}
