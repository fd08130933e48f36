// The one place where errors become HTTP: status per code, RFC 9457 problem+json in the caller's language.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type ErrorCode, type Locale } from '../core/errors.ts';
import { rankByQuality } from './negotiation.ts';
import type { Finding } from '../core/compliance/index.ts';

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
  method_not_allowed: 405,
  not_acceptable: 406,
  body_too_large: 413,
  unsupported_media_type: 415,
  json_invalid: 400,
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
  queue_full: 503,
  render_timeout: 503,
  renderer_unavailable: 503,
  renderer_crashed: 503,
  shutting_down: 503,
  template_invalid: 500,
  template_corrupt: 500,
  output_check_failed: 500,
  render_failed: 500,
  internal: 500,
};

const TITLES: Partial<Record<ErrorCode, Record<Locale, string>>> = {
  input_invalid: { 'zh-CN': '输入数据无效', en: 'Invalid input' },
  unauthorized: { 'zh-CN': '未认证', en: 'Unauthorized' },
  forbidden: { 'zh-CN': '无权限', en: 'Forbidden' },
};

/** zh-CN unless the caller prefers English (any `en*` ranked above any `zh*`). */
export function callerLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const tag of rankByQuality(acceptLanguage)) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function localizeFindings(findings: readonly Finding[], locale: Locale) {
  return findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: f.message[locale], citations: f.citations.map((c) => c[locale]) }));
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

export function problemBody(e: AppError, locale: Locale): ProblemBody {
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
  if (status < 500 || e.code === 'queue_full' || e.code === 'render_timeout') Object.assign(body, e.details);
  if (Array.isArray(e.details.findings)) body.findings = localizeFindings(e.details.findings as Finding[], locale);
  return body;
}

export function problemResponse(c: Context, e: unknown, log: (entry: Record<string, unknown>) => void): Response {
  const err = isAppError(e)
    ? e
    : new AppError({ code: 'internal', message: { 'zh-CN': '服务内部错误。', en: 'Internal server error.' }, cause: e });
  const locale = callerLocale(c.req.header('accept-language'));
  const body = problemBody(err, locale);
  if (body.status >= 500) {
    log({ level: 'error', code: err.code, requestId: c.get('requestId' as never), details: err.details, cause: err.cause instanceof Error ? err.cause.stack : String(err.cause ?? '') });
  }
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale };
  const retry = err.details.retryAfterSeconds;
  if (typeof retry === 'number') headers['retry-after'] = String(retry);
  else if (body.status === 503) headers['retry-after'] = '5';
  if (err.code === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="filing-service"';
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

export function httpError(code: ErrorCode, zh: string, en: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) });
}
