// Errors as data: a stable snake_case code, localisable messages and, for input errors, every bad field at once.

export type Locale = 'zh-CN' | 'en';

/** One problem with one field, addressed by JSON Pointer (RFC 6901). */
export interface FieldIssue {
  path: string;
  code: string;
  message: Record<Locale, string>;
}

/** Stable error codes. Never rename one once shipped; add new ones instead. */
export type ErrorCode =
  | 'filing_unknown'
  | 'input_invalid'
  | 'json_invalid'
  | 'locale_unknown'
  | 'format_unknown'
  | 'template_missing'
  | 'template_invalid'
  | 'template_corrupt'
  | 'render_failed'
  | 'render_timeout'
  | 'output_check_failed'
  | 'renderer_unavailable'
  | 'renderer_crashed'
  | 'queue_full'
  | 'too_many_pages'
  | 'output_too_large'
  | 'query_invalid'
  | 'sample_unknown'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'json_too_deep'
  | 'json_limit_exceeded'
  | 'json_forbidden_key'
  | 'unauthorized'
  | 'auth_header_malformed'
  | 'forbidden'
  | 'rate_limited'
  | 'key_unknown'
  | 'package_invalid'
  | 'shutting_down'
  | 'compliance_failed'
  | 'template_lint_failed'
  | 'template_version_exists'
  | 'template_version_state'
  | 'template_version_unknown'
  | 'upload_invalid'
  | 'database_busy'
  | 'form_invalid'
  | 'auth_throttled'
  | 'idempotency_key_invalid'
  | 'idempotency_key_reused'
  | 'idempotency_in_flight'
  | 'idempotency_result_unavailable'
  | 'project_unknown'
  | 'draft_unknown'
  | 'revision_unknown'
  | 'project_conflict'
  | 'draft_conflict'
  | 'draft_final'
  | 'csrf_failed'
  | 'sign_in_failed'
  | 'obligation_unknown'
  | 'receiver_unknown'
  | 'delivery_unknown'
  | 'delivery_not_dead'
  | 'webhook_url_refused'
  | 'feed_unknown'
  | 'internal';

export interface AppErrorInit {
  code: ErrorCode;
  message: Record<Locale, string>;
  issues?: FieldIssue[];
  /** Safe to log, never sent to callers (may hold template internals). */
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: Record<Locale, string>;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(init: AppErrorInit) {
    super(init.message.en, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.code = init.code;
    this.messages = init.message;
    this.issues = init.issues ?? [];
    this.details = init.details ?? {};
  }

  messageIn(locale: Locale): string {
    return this.messages[locale];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** JSON Pointer from a path of keys and indices (RFC 6901 escaping). */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
