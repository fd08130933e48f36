// What the service and its render workers send each other: a job with the template it needs, and back a value or an
// error that keeps its code, messages, problems and details across the thread boundary.
import { AppError, isAppError, type ErrorCode, type FieldIssue, type Locale } from '../../core/errors.ts';
import type { Work } from '../../usecases/work.ts';

export type JobKind = keyof Omit<Work, 'admit' | 'saturated'>;

/** The template a render job needs, sent with it (a worker keeps what it compiled, by SHA-256). */
export interface TemplateMaterial {
  docx?: { sha256: string; bytes: Uint8Array };
  html?: { key: string; sha256: string; source: string };
}

export interface JobPayload {
  args: unknown;
  template?: TemplateMaterial;
}

export interface WorkerRequest {
  id: number;
  kind: JobKind;
  payload: JobPayload;
}

export type WireError =
  | { app: true; code: ErrorCode; messages: Record<Locale, string>; issues: FieldIssue[]; details: Record<string, unknown>; cause: string }
  | { app: false; message: string; stack: string };

export function toWire(e: unknown): WireError {
  if (isAppError(e)) return { app: true, code: e.code, messages: e.messages, issues: e.issues, details: e.details, cause: e.cause instanceof Error ? (e.cause.stack ?? e.cause.message) : String(e.cause ?? '') };
  return { app: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? (e.stack ?? '') : '' };
}

/** The error a worker reported, as the error the use cases expect (an AppError stays one). */
export function fromWire(w: WireError): Error {
  if (w.app) return new AppError({ code: w.code, message: w.messages, issues: w.issues, details: w.details, ...(w.cause ? { cause: w.cause } : {}) });
  const e = new Error(w.message);
  e.stack = w.stack || e.stack;
  return e;
}
