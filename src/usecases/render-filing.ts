// Rendering one filing: validate → hash → pick the template version → compliance gate → render step → PDF → metadata,
// with an audit record of the outcome (success or the error code) when an audit trail is given. A repeat of a request
// already rendered is answered from the render cache when the services have one.
import { AppError, isAppError } from '../core/errors.ts';
import type { FilingDefinition, FilingId } from '../core/filings/index.ts';
import { sha256Hex } from '../core/canonical.ts';
import type { BlockedRequest, GenerationRecord, PdfTicket, Store, TemplateVersion } from '../core/ports.ts';
import type { DocLocale } from '../core/format/format.ts';
import type { JsonLimits } from '../core/json-input.ts';
import { hasErrors, type Finding } from '../core/compliance/index.ts';
import { selectVersion } from '../render/select-version.ts';
import { CONTENT_TYPES, type Format, type RenderJob } from '../render/document-job.ts';
import { printPdf } from './print-pdf.ts';
import { requireFiling } from './filings.ts';
import type { RenderServices } from './services.ts';
import { workOf, type PreparedInput } from './work.ts';

export interface RenderRequest {
  filingId: string;
  format: Format;
  locale: DocLocale;
  input?: unknown;
  /** Or the body's bytes as they arrived: read under `limits` by the work (off the event loop with a pool). */
  body?: Uint8Array;
  limits?: JsonLimits;
  /** Pin a template version instead of the one in force on the filing's date. */
  version?: string;
  /** Render despite error-level findings, as a draft: DRAFT on every page and the findings in an appendix. */
  draft?: boolean;
  /** A maintainer's preview may pin a draft template version (never cached). */
  allowDraftTemplate?: boolean;
  signal?: AbortSignal;
  /** The printer place taken when the request arrived (PDF). */
  pdfTicket?: PdfTicket;
  /** Answer from (and keep the document in) the render cache under this key (see renderCacheKey). */
  cacheKey?: string;
}

export interface RenderedFiling {
  bytes: Uint8Array;
  contentType: string;
  /** Suggested file name, e.g. `某某项目可行性研究报告.docx`. */
  fileName: string;
  filingId: FilingId;
  templateVersion: string;
  inputSha256: string;
  outputSha256: string;
  sections: string[];
  /** Compliance findings of the input (errors only when rendered as a draft). */
  findings: Finding[];
  draft: boolean;
  /** Requests the browser refused while printing (`type url`, shortened): the template tried to reach outside. */
  blockedRequests: string[];
  /** Answered from the render cache. */
  cacheHit: boolean;
}

/** Where renders are recorded, and whose key asked for them. */
export interface AuditTrail {
  store: Pick<Store, 'recordGeneration'>;
  keyId: string | null;
  now: () => Date;
  log?: (entry: Record<string, unknown>) => void;
  /** The request's id, carried into every log line about it. */
  requestId?: string;
}

export interface PreparedFiling extends PreparedInput {
  def: FilingDefinition;
  template: TemplateVersion;
}

export function complianceFailed(findings: Finding[]): AppError {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return new AppError({
    code: 'compliance_failed',
    message: {
      'zh-CN': `文书不符合报送要求（${errors}项错误），未予生成；修正后重试，或以草稿方式生成（draft=true）。`,
      en: `The filing does not meet the rules (${errors} error(s)) and was not generated; correct it, or render it as a draft (draft=true).`,
    },
    details: { findings },
  });
}

function safeFileName(s: string): string {
  // Keep CJK and word characters; drop path separators, control and reserved characters.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 180) || 'filing';
}

const hash = (services: RenderServices, data: string | Uint8Array) => (services.sha256 ?? sha256Hex)(data);

/** The template version for a prepared input: pinned, or the one in force on the filing's own date. */
export function withTemplate(services: RenderServices, def: FilingDefinition, p: PreparedInput, opts: { version?: string | undefined; allowDraftTemplate?: boolean } = {}): PreparedFiling {
  return { ...p, def, template: selectVersion(def.id, services.templates.versions(def.id), p.date, opts.version, opts.allowDraftTemplate ?? false) };
}

/** Validation, hashing, version selection and compliance: everything a render decides before any work. */
export async function prepareFiling(services: RenderServices, req: Pick<RenderRequest, 'filingId' | 'input' | 'body' | 'limits' | 'version' | 'allowDraftTemplate' | 'signal'>): Promise<PreparedFiling> {
  const def = requireFiling(req.filingId);
  const job = req.body ? { filingId: def.id, body: req.body, ...(req.limits ? { limits: req.limits } : {}) } : { filingId: def.id, input: req.input };
  return withTemplate(services, def, await workOf(services).prepare(job, req.signal), req);
}

/** At most this many blocked requests are kept per render, each shortened: a record, not a copy of the template. */
const MAX_BLOCKED = 50;
const blockedLine = (r: BlockedRequest) => `${r.type} ${r.url.length > 200 ? `${r.url.slice(0, 200)}…` : r.url}`;

/** Renders a prepared filing; refuses error-level findings unless a draft is asked for. */
export async function renderPrepared(services: RenderServices, p: PreparedFiling, opts: { format: Format; locale: DocLocale; draft?: boolean; signal?: AbortSignal; pdfTicket?: PdfTicket; audit?: AuditTrail }): Promise<RenderedFiling> {
  const draft = opts.draft ?? false;
  // Never a clean-looking non-compliant filing: errors refuse the render unless a draft is asked for.
  if (hasErrors(p.findings) && !draft) throw complianceFailed(p.findings);
  // An input that came back from a worker as JSON text goes on as that text, never parsed on this thread.
  const input = p.inputJson !== undefined ? { input: undefined, inputJson: p.inputJson } : { input: p.input };
  const job: RenderJob = { filingId: p.def.id, ...input, inputSha256: p.inputSha256, locale: opts.locale, format: opts.format, templateVersion: p.template.version, draftFindings: draft ? p.findings : null };
  let doc;
  let bytes: Uint8Array;
  let findings = p.findings;
  const blocked: string[] = [];
  if (opts.format === 'pdf') {
    // A PDF may be printed more than once (the second print sets the 目录's pages): each request is reported once.
    const seen = new Set<string>();
    const onBlocked = (r: BlockedRequest) => {
      const line = blockedLine(r);
      if (seen.has(line)) return;
      seen.add(line);
      opts.audit?.log?.({ level: 'warn', msg: 'blocked request', requestId: opts.audit.requestId, filingId: p.def.id, templateVersion: p.template.version, type: r.type, url: r.url.slice(0, 500) });
      if (blocked.length < MAX_BLOCKED) blocked.push(line);
    };
    const printed = await printPdf(services, job, { onBlocked, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.pdfTicket ? { ticket: opts.pdfTicket } : {}) });
    ({ doc, bytes } = printed);
    findings = [...p.findings, ...printed.findings];
  } else {
    doc = await workOf(services).render(job, opts.signal);
    bytes = doc.bytes;
  }
  return {
    bytes,
    contentType: CONTENT_TYPES[opts.format],
    fileName: `${safeFileName(draft ? `${doc.title}（草稿）` : doc.title)}.${opts.format}`,
    filingId: p.def.id,
    templateVersion: p.template.version,
    inputSha256: p.inputSha256,
    outputSha256: await hash(services, bytes),
    sections: doc.sections,
    findings,
    draft,
    blockedRequests: blocked,
    cacheHit: false,
  };
}

const findingTags = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}:${f.severity}`);

/** Runs a render and records its outcome; an audit record that cannot be written fails a render that succeeded. */
export async function audited(audit: AuditTrail | undefined, what: Pick<GenerationRecord, 'filingId' | 'format' | 'locale' | 'draft'>, render: () => Promise<RenderedFiling>): Promise<RenderedFiling> {
  if (!audit) return render();
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  const record = (g: Omit<GenerationRecord, 'id' | 'at' | 'keyId' | 'filingId' | 'format' | 'locale'>) =>
    audit.store.recordGeneration({ id: crypto.randomUUID(), at: audit.now().toISOString(), keyId: audit.keyId, filingId: what.filingId, format: what.format, locale: what.locale, ...g });
  let r: RenderedFiling;
  try {
    r = await render();
  } catch (e) {
    const findings = isAppError(e) && Array.isArray(e.details.findings) ? findingTags(e.details.findings as Finding[]) : [];
    await record({ templateVersion: null, inputSha256: null, outputSha256: null, bytes: null, ms: ms(), outcome: isAppError(e) ? e.code : 'internal', findings, draft: what.draft, blockedRequests: [], cacheHit: false }).catch((err) =>
      audit.log?.({ level: 'error', msg: 'audit record failed', requestId: audit.requestId, err: String(err) }),
    );
    throw e;
  }
  await record({ templateVersion: r.templateVersion, inputSha256: r.inputSha256, outputSha256: r.outputSha256, bytes: r.bytes.length, ms: ms(), outcome: 'ok', findings: findingTags(r.findings), draft: r.draft, blockedRequests: r.blockedRequests, cacheHit: r.cacheHit });
  return r;
}

/** The render use case: what the HTTP route and the command line call. */
export function renderFiling(services: RenderServices, req: RenderRequest, audit?: AuditTrail): Promise<RenderedFiling> {
  return audited(audit, { filingId: req.filingId, format: req.format, locale: req.locale, draft: req.draft ?? false }, async () => {
    const cache = req.allowDraftTemplate ? undefined : services.cache;
    const key = cache && req.cacheKey;
    const hit = key && cache.get(key);
    if (hit) return { ...hit, cacheHit: true };
    const prepared = await prepareFiling(services, req);
    const r = await renderPrepared(services, prepared, {
      format: req.format,
      locale: req.locale,
      ...(req.draft !== undefined ? { draft: req.draft } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.pdfTicket ? { pdfTicket: req.pdfTicket } : {}),
      ...(audit ? { audit } : {}),
    });
    if (key) cache.set(key, r);
    return r;
  });
}
