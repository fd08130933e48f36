// Rendering one filing: validate → hash → pick the template version → compliance gate → render step → PDF → metadata,
// with an audit record of the outcome (success or the error code) when an audit trail is given.
import { AppError, isAppError } from '../core/errors.ts';
import type { FilingDefinition, FilingId } from '../core/filings/index.ts';
import { validate } from '../core/validation.ts';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import type { GenerationRecord, Store, TemplateVersion } from '../core/ports.ts';
import type { DocLocale } from '../core/format/format.ts';
import { checkFiling, hasErrors, type Finding } from '../core/compliance/index.ts';
import { selectVersion } from '../render/select-version.ts';
import { CONTENT_TYPES, type Format, type RenderJob } from '../render/render-document.ts';
import { printPdf } from './print-pdf.ts';
import { requireFiling } from './filings.ts';
import { runRenderJob, type RenderServices } from './services.ts';

export interface RenderRequest {
  filingId: string;
  format: Format;
  locale: DocLocale;
  input: unknown;
  /** Pin a template version instead of the one in force on the filing's date. */
  version?: string;
  /** Render despite error-level findings, as a draft: DRAFT on every page and the findings in an appendix. */
  draft?: boolean;
  /** A maintainer's preview may pin a draft template version. */
  allowDraftTemplate?: boolean;
  signal?: AbortSignal;
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
}

/** Where renders are recorded, and whose key asked for them. */
export interface AuditTrail {
  store: Pick<Store, 'recordGeneration'>;
  keyId: string | null;
  now: () => Date;
  log?: (entry: Record<string, unknown>) => void;
}

export interface PreparedFiling {
  def: FilingDefinition;
  /** The input as the schema parsed it. */
  input: unknown;
  inputSha256: string;
  template: TemplateVersion;
  findings: Finding[];
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

/** Hashing, version selection and the compliance check of an input the schema has already parsed. */
export async function prepareParsed(services: RenderServices, def: FilingDefinition, input: unknown, opts: { version?: string; allowDraftTemplate?: boolean } = {}): Promise<PreparedFiling> {
  const inputSha256 = await hash(services, canonicalJson(input));
  const template = selectVersion(def.id, services.templates.versions(def.id), def.dateOf(input), opts.version, opts.allowDraftTemplate ?? false);
  return { def, input, inputSha256, template, findings: checkFiling(def, input) };
}

/** Validation, hashing, version selection and compliance: everything a render decides before any work. */
export async function prepareFiling(services: RenderServices, req: Pick<RenderRequest, 'filingId' | 'input' | 'version' | 'allowDraftTemplate'>): Promise<PreparedFiling> {
  const def = requireFiling(req.filingId);
  return prepareParsed(services, def, validate(def.schema, req.input), req);
}

/** Renders a prepared filing; refuses error-level findings unless a draft is asked for. */
export async function renderPrepared(services: RenderServices, p: PreparedFiling, opts: { format: Format; locale: DocLocale; draft?: boolean; signal?: AbortSignal }): Promise<RenderedFiling> {
  const draft = opts.draft ?? false;
  // Never a clean-looking non-compliant filing: errors refuse the render unless a draft is asked for.
  if (hasErrors(p.findings) && !draft) throw complianceFailed(p.findings);
  const job: RenderJob = { filingId: p.def.id, input: p.input, inputSha256: p.inputSha256, locale: opts.locale, format: opts.format, templateVersion: p.template.version, draftFindings: draft ? p.findings : null };
  let doc;
  let bytes: Uint8Array;
  let findings = p.findings;
  if (opts.format === 'pdf') {
    const printed = await printPdf(services, job, opts.signal);
    ({ doc, bytes } = printed);
    findings = [...p.findings, ...printed.findings];
  } else {
    doc = await runRenderJob(services, job);
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
    await record({ templateVersion: null, inputSha256: null, outputSha256: null, bytes: null, ms: ms(), outcome: isAppError(e) ? e.code : 'internal', findings, draft: what.draft }).catch((err) =>
      audit.log?.({ level: 'error', msg: 'audit record failed', err: String(err) }),
    );
    throw e;
  }
  await record({ templateVersion: r.templateVersion, inputSha256: r.inputSha256, outputSha256: r.outputSha256, bytes: r.bytes.length, ms: ms(), outcome: 'ok', findings: findingTags(r.findings), draft: r.draft });
  return r;
}

/** The render use case: what the HTTP route and the command line call. */
export function renderFiling(services: RenderServices, req: RenderRequest, audit?: AuditTrail): Promise<RenderedFiling> {
  return audited(audit, { filingId: req.filingId, format: req.format, locale: req.locale, draft: req.draft ?? false }, async () => {
    const prepared = await prepareFiling(services, req);
    return renderPrepared(services, prepared, { format: req.format, locale: req.locale, ...(req.draft !== undefined ? { draft: req.draft } : {}), ...(req.signal ? { signal: req.signal } : {}) });
  });
}
