// The HTTP API: one Hono app built from its services, identical on Node and Workers; entries only wire.
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import PizZip from 'pizzip';
import { z } from 'zod';
import { AppError, isAppError, type FieldIssue } from '../core/errors.ts';
import { FILINGS, filingById } from '../core/filings/index.ts';
import type { FilingDefinition, SectionDef } from '../core/filings/index.ts';
import { message } from '../core/i18n/catalogue.ts';
import { formatCitation } from '../core/regulations/documents.ts';
import { sha256Hex } from '../core/canonical.ts';
import { toFieldIssues } from '../core/validation.ts';
import type { GenerationRecord, SampleSource, Store, TemplateRepository } from '../core/ports.ts';
import { FORMATS, LOCALES, complianceFailed, prepareFiling, renderFiling, unknownFiling, type Format, type RenderServices, type RenderedFiling } from '../render/render-filing.ts';
import { checkFiling, type Finding } from '../core/compliance/index.ts';
import { RULES } from '../core/compliance/index.ts';
import { selectVersion } from '../render/select-version.ts';
import { FIXED_ZIP_DATE } from '../render/docx/docx-package.ts';
import type { DocLocale } from '../core/format/format.ts';
import { ROLES } from '../core/ports.ts';
import { authorize, type AuthDeps } from './auth.ts';
import { createApiKey } from './api-keys.ts';
import { callerLocale, httpError, localizeFindings, problemResponse } from './problem.ts';
import { DEFAULT_JSON_LIMITS, readJson, type JsonLimits } from './json-body.ts';
import { createRateLimiter } from './rate-limit.ts';
import { contentDisposition } from './content-disposition.ts';
import { rankByQuality } from './negotiation.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { docsPage, type DocsAssets } from './docs.ts';
import { registerTemplateRoutes } from './template-routes.ts';

export interface ReadinessProbe {
  /** Browser able to print (cached by the adapter). */
  browser(): Promise<{ ok: boolean; detail?: string }>;
  queue(): { active: number; queued: number; limit: number };
}

export interface Lifecycle {
  draining: boolean;
  inFlight: number;
}

export interface AppDeps {
  render: RenderServices;
  store: Store;
  samples: SampleSource;
  now: () => Date;
  log: (entry: Record<string, unknown>) => void;
  readiness: ReadinessProbe;
  lifecycle: Lifecycle;
  docsAssets?: DocsAssets;
  /** Template maintenance routes are served when a repository is given. */
  templates?: TemplateRepository;
  maxUploadBytes?: number;
  limits?: Partial<JsonLimits>;
  adminKey?: string;
  rateLimitPerMinute?: number;
  maxPackageDocuments?: number;
}

const FORMAT_BY_TYPE: Record<string, Format> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
};

/** `format` from the query, else from Accept (first supported type by q), else docx. */
export function pickFormat(query: string | undefined, accept: string | undefined): Format {
  if (query !== undefined) {
    if ((FORMATS as readonly string[]).includes(query)) return query as Format;
    throw httpError('format_unknown', `未知的格式“${query}”，应为 docx、pdf 或 html。`, `Unknown format "${query}"; use docx, pdf or html.`, { valid: [...FORMATS] });
  }
  if (!accept) return 'docx';
  for (const type of rankByQuality(accept)) {
    if (FORMAT_BY_TYPE[type]) return FORMAT_BY_TYPE[type]!;
    if (type === '*/*' || type === 'application/*') return 'docx';
  }
  throw httpError('not_acceptable', '无法提供所请求的格式（可用：PDF、DOCX、HTML）。', 'None of the accepted types can be produced (PDF, DOCX, HTML).', { accept });
}

export function pickDraft(query: string | undefined): boolean {
  if (query === undefined || query === 'false') return false;
  if (query === 'true') return true;
  throw httpError('query_invalid', 'draft 应为 true 或 false。', 'draft must be true or false.', { parameter: 'draft' });
}

export function pickLocale(query: string | undefined): DocLocale {
  if (query === undefined) return 'zh-CN';
  if ((LOCALES as readonly string[]).includes(query)) return query as DocLocale;
  throw httpError('locale_unknown', `未知的语言“${query}”，应为 zh-CN、en 或 bilingual。`, `Unknown locale "${query}"; use zh-CN, en or bilingual.`, { valid: [...LOCALES] });
}

function titles(key: string) {
  return { 'zh-CN': message('zh-CN', key), en: message('en', key) };
}

function describeSection(def: FilingDefinition, s: SectionDef<unknown>) {
  return {
    id: s.id,
    level: s.level,
    style: s.style ?? 'heading',
    title: titles(`filings.${def.id}.sections.${s.id}`),
    binding: s.binding,
    citations: s.citations.map((c) => ({ doc: c.doc, 'zh-CN': formatCitation(c, 'zh-CN'), en: formatCitation(c, 'en') })),
    condition: s.when ? { id: s.when.id, description: { 'zh-CN': s.when.description.zh, en: s.when.description.en } } : null,
    profiles: s.profiles ?? ['national', 'district'],
    effectiveFrom: s.effectiveFrom ?? null,
    effectiveUntil: s.effectiveUntil ?? null,
  };
}

function activeVersion(deps: AppDeps, def: FilingDefinition): string | null {
  try {
    return selectVersion(def.id, deps.render.templates.versions(def.id), deps.now().toISOString().slice(0, 10)).version;
  } catch {
    return null;
  }
}

const PackageRequest = z.strictObject({
  documents: z
    .array(
      z.strictObject({
        filing: z.string(),
        format: z.enum(FORMATS),
        locale: z.enum(LOCALES).default('zh-CN'),
        version: z.string().optional(),
        draft: z.boolean().default(false),
        data: z.unknown(),
      }),
    )
    .min(1),
});

const KeyRequest = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) });

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const limits: JsonLimits = { ...DEFAULT_JSON_LIMITS, ...deps.limits };
  const auth: AuthDeps = { store: deps.store, limiter: createRateLimiter({ perMinute: deps.rateLimitPerMinute ?? 120 }), ...(deps.adminKey ? { adminKey: deps.adminKey } : {}) };
  const maxDocs = deps.maxPackageDocuments ?? 20;

  app.use('*', async (c, next) => {
    const id = crypto.randomUUID();
    c.set('requestId' as never, id as never);
    c.header('X-Request-Id', id);
    await next();
  });
  app.use('/docs/*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"] } }));
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/docs')) return next();
    return secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } })(c, next);
  });
  app.use('/v1/*', async (c, next) => {
    if (deps.lifecycle.draining) throw httpError('shutting_down', '服务正在停止，请稍后重试。', 'The service is shutting down; retry shortly.', { retryAfterSeconds: 5 });
    deps.lifecycle.inFlight++;
    try {
      await next();
    } finally {
      deps.lifecycle.inFlight--;
    }
  });

  app.onError((e, c) => problemResponse(c, e, deps.log));
  app.notFound((c) => problemResponse(c, httpError('not_found', `没有这个地址：${c.req.method} ${c.req.path}`, `No such route: ${c.req.method} ${c.req.path}`), deps.log));

  const filing = (id: string): FilingDefinition => {
    const def = filingById(id);
    if (!def) throw unknownFiling(id);
    return def;
  };

  const record = async (c: Context, g: Omit<GenerationRecord, 'id' | 'at' | 'keyId'>) => {
    await deps.store.recordGeneration({ id: crypto.randomUUID(), at: deps.now().toISOString(), keyId: (c.get('keyId' as never) as string | undefined) ?? null, ...g });
  };

  /** Renders and writes the audit record, success or failure; the record is one transaction. */
  const renderAndRecord = async (c: Context, req: Parameters<typeof renderFiling>[1]): Promise<RenderedFiling & { outputSha256: string }> => {
    const t0 = performance.now();
    try {
      const r = await renderFiling(deps.render, req);
      const outputSha256 = await (deps.render.sha256 ?? sha256Hex)(r.bytes);
      await record(c, {
        filingId: r.filingId,
        format: req.format,
        locale: req.locale,
        templateVersion: r.templateVersion,
        inputSha256: r.inputSha256,
        outputSha256,
        bytes: r.bytes.length,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        outcome: 'ok',
        findings: r.findings.map((f) => `${f.ruleId}:${f.severity}`),
        draft: r.draft,
      });
      return { ...r, outputSha256 };
    } catch (e) {
      await record(c, {
        filingId: req.filingId,
        format: req.format,
        locale: req.locale,
        templateVersion: null,
        inputSha256: null,
        outputSha256: null,
        bytes: null,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        outcome: isAppError(e) ? e.code : 'internal',
        findings: isAppError(e) && Array.isArray(e.details.findings) ? (e.details.findings as Finding[]).map((f) => `${f.ruleId}:${f.severity}`) : [],
        draft: req.draft ?? false,
      }).catch((err) => deps.log({ level: 'error', msg: 'audit record failed', err: String(err) }));
      throw e;
    }
  };

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    let database: { ok: boolean; detail?: string } = { ok: true };
    try {
      await deps.store.checkWritable();
    } catch (e) {
      database = { ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
    const browser = await deps.readiness.browser();
    const queue = deps.readiness.queue();
    const ready = database.ok && browser.ok && !deps.lifecycle.draining && queue.queued < queue.limit;
    return c.json({ status: ready ? 'ready' : 'not_ready', draining: deps.lifecycle.draining, checks: { database, browser, queue } }, ready ? 200 : 503);
  });
  app.get('/openapi.json', (c) => c.json(buildOpenApiDocument()));
  app.get('/docs', (c) => c.html(docsPage()));
  app.get('/docs/assets/:file', (c) => {
    const asset = deps.docsAssets?.get(c.req.param('file'));
    if (!asset) throw httpError('not_found', '没有这个文件。', 'No such file.');
    return new Response(asset.body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' } });
  });

  app.get('/v1/filings', async (c) => {
    await authorize(c, auth, 'filings:read');
    return c.json({
      filings: FILINGS.map((def) => ({
        id: def.id,
        title: titles(`filings.${def.id}.title`),
        layout: def.layout,
        activeTemplateVersion: activeVersion(deps, def),
        sections: (def.sections as SectionDef<unknown>[]).map((s) => ({ id: s.id, level: s.level, title: titles(`filings.${def.id}.sections.${s.id}`), conditional: Boolean(s.when || s.profiles) })),
      })),
    });
  });

  app.get('/v1/filings/:id', async (c) => {
    await authorize(c, auth, 'filings:read');
    const def = filing(c.req.param('id'));
    return c.json({
      id: def.id,
      title: titles(`filings.${def.id}.title`),
      layout: def.layout,
      activeTemplateVersion: activeVersion(deps, def),
      inputSchema: z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }),
      sections: (def.sections as SectionDef<unknown>[]).map((s) => describeSection(def, s)),
      templateVersions: deps.render.templates.versions(def.id),
    });
  });

  app.get('/v1/filings/:id/samples', async (c) => {
    await authorize(c, auth, 'filings:read');
    const def = filing(c.req.param('id'));
    return c.json({ samples: deps.samples.list(def.id).map((name) => ({ name, href: `/v1/filings/${def.id}/samples/${encodeURIComponent(name)}` })) });
  });

  app.get('/v1/filings/:id/samples/:name', async (c) => {
    await authorize(c, auth, 'filings:read');
    const def = filing(c.req.param('id'));
    const name = c.req.param('name');
    const sample = deps.samples.list(def.id).includes(name) ? deps.samples.get(def.id, name) : undefined;
    if (sample === undefined) {
      throw httpError('sample_unknown', `没有名为“${name}”的示例。`, `No sample named "${name}".`, { valid: deps.samples.list(def.id) });
    }
    return c.json(sample as object);
  });

  app.post('/v1/filings/:id/validate', async (c) => {
    await authorize(c, auth, 'render');
    const def = filing(c.req.param('id'));
    const input = await readJson(c.req.raw, limits);
    const result = def.schema.safeParse(input);
    const locale = callerLocale(c.req.header('accept-language'));
    const errors = result.success ? [] : toFieldIssues(result.error.issues).map((i: FieldIssue) => ({ path: i.path, code: i.code, message: i.message[locale] }));
    c.header('Content-Language', locale);
    return c.json({ valid: result.success, errors });
  });

  app.get('/v1/rules', async (c) => {
    await authorize(c, auth, 'filings:read');
    const only = c.req.query('filing');
    if (only !== undefined) filing(only);
    const locale = callerLocale(c.req.header('accept-language'));
    c.header('Content-Language', locale);
    return c.json({
      rules: RULES.filter((r) => !only || (r.filings as readonly string[]).includes(only)).map((r) => ({
        id: r.id,
        group: r.group,
        filings: [...r.filings],
        profiles: r.profiles ? [...r.profiles] : ['national', 'district'],
        severity: typeof r.severity === 'string' ? { national: r.severity, district: r.severity } : r.severity,
        message: locale === 'en' ? r.message.en : r.message.zh,
        citations: r.citations.map((x) => formatCitation(x, locale)),
        paths: [...r.paths],
        enforcedBySchema: r.enforcedBySchema ? [...r.enforcedBySchema] : [],
      })),
    });
  });

  app.post('/v1/filings/:id/check', async (c) => {
    await authorize(c, auth, 'render');
    const def = filing(c.req.param('id'));
    const prepared = await prepareFiling(deps.render, { filingId: def.id, input: await readJson(c.req.raw, limits) });
    const locale = callerLocale(c.req.header('accept-language'));
    c.header('Content-Language', locale);
    const count = (s: string) => prepared.findings.filter((f) => f.severity === s).length;
    return c.json({ findings: localizeFindings(prepared.findings, locale), errors: count('error'), warnings: count('warning'), infos: count('info') });
  });

  app.post('/v1/filings/:id/render', async (c) => {
    await authorize(c, auth, 'render');
    const def = filing(c.req.param('id'));
    const format = pickFormat(c.req.query('format'), c.req.header('accept'));
    const locale = pickLocale(c.req.query('locale'));
    const version = c.req.query('version');
    const draft = pickDraft(c.req.query('draft'));
    // Refuse at once, before reading or validating anything, when the PDF pool cannot take more.
    if (format === 'pdf' && deps.render.pdf?.saturated?.()) {
      throw httpError('queue_full', 'PDF 渲染队列已满，请稍后重试。', 'The PDF render queue is full; retry shortly.', { retryAfterSeconds: 2 });
    }
    const input = await readJson(c.req.raw, limits);
    const r = await renderAndRecord(c, { filingId: def.id, format, locale, input, ...(version ? { version } : {}), draft, signal: c.req.raw.signal });
    const notes = r.findings.map((f) => `${f.ruleId}:${f.severity}`).join(', ');
    return new Response(r.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        ...(notes ? { 'x-compliance-findings': notes } : {}),
        'x-draft': String(r.draft),
        'content-type': r.contentType,
        'content-disposition': contentDisposition(r.fileName, `${def.id}-${r.inputSha256.slice(0, 12)}.${format}`),
        'x-filing-id': def.id,
        'x-template-version': r.templateVersion,
        'x-input-sha256': r.inputSha256,
        'x-output-sha256': r.outputSha256,
        'cache-control': 'no-store',
      },
    });
  });

  app.post('/v1/packages', async (c) => {
    await authorize(c, auth, 'render');
    const body = await readJson(c.req.raw, limits);
    const parsed = PackageRequest.safeParse(body);
    if (!parsed.success) {
      throw new AppError({ code: 'input_invalid', message: { 'zh-CN': '打包请求格式不正确。', en: 'The package request is malformed.' }, issues: toFieldIssues(parsed.error.issues) });
    }
    const docs = parsed.data.documents;
    if (docs.length > maxDocs) {
      throw httpError('json_limit_exceeded', `一个文件包最多 ${maxDocs} 份文书。`, `A package holds at most ${maxDocs} documents.`, { path: '/documents', max: maxDocs });
    }
    const issues: FieldIssue[] = [];
    const blocking: Finding[] = [];
    docs.forEach((d, i) => {
      if (!filingById(d.filing)) {
        issues.push({ path: `/documents/${i}/filing`, code: 'filing_unknown', message: { 'zh-CN': `未知的文书类型“${d.filing}”。`, en: `Unknown filing "${d.filing}".` } });
        return;
      }
      const def = filingById(d.filing)!;
      const r = def.schema.safeParse(d.data);
      if (!r.success) issues.push(...toFieldIssues(r.error.issues, ['documents', i, 'data']));
      else if (!d.draft) blocking.push(...checkFiling(def, r.data).filter((f) => f.severity === 'error').map((f) => ({ ...f, path: `/documents/${i}/data${f.path}` })));
    });
    if (issues.length) {
      throw new AppError({ code: 'package_invalid', message: { 'zh-CN': `文件包中有${issues.length}处输入错误，未生成任何文书。`, en: `The package has ${issues.length} input error(s); nothing was generated.` }, issues });
    }
    // Compliance is checked for every document before any is rendered: a package is all filings or none.
    if (blocking.length) throw complianceFailed(blocking);
    const zip = new PizZip();
    const used = new Set<string>();
    const manifest: Array<Record<string, unknown>> = [];
    for (const d of docs) {
      const r = await renderAndRecord(c, { filingId: d.filing, format: d.format, locale: d.locale, input: d.data, ...(d.version ? { version: d.version } : {}), draft: d.draft, signal: c.req.raw.signal });
      let name = r.fileName;
      for (let n = 2; used.has(name); n++) name = r.fileName.replace(/(\.\w+)$/, `（${n}）$1`);
      used.add(name);
      zip.file(name, r.bytes, { date: FIXED_ZIP_DATE, binary: true });
      manifest.push({
        file: name,
        filing: r.filingId,
        format: d.format,
        locale: d.locale,
        templateVersion: r.templateVersion,
        inputSha256: r.inputSha256,
        sha256: r.outputSha256,
        bytes: r.bytes.length,
        draft: r.draft,
        findings: r.findings.map((f) => `${f.ruleId}:${f.severity}`),
      });
    }
    zip.file('manifest.json', JSON.stringify({ documents: manifest }, null, 2), { date: FIXED_ZIP_DATE });
    const bytes = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': 'application/zip', 'content-disposition': contentDisposition('政务信息化项目文书.zip', 'filings.zip'), 'cache-control': 'no-store' },
    });
  });

  app.get('/v1/generations', async (c) => {
    await authorize(c, auth, 'generations:read');
    const limitText = c.req.query('limit') ?? '50';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 500) {
      throw httpError('query_invalid', 'limit 应为 1 到 500 之间的整数。', 'limit must be an integer from 1 to 500.', { parameter: 'limit' });
    }
    const before = c.req.query('before');
    if (before !== undefined && !/^\d+$/.test(before)) throw httpError('query_invalid', 'before 游标无效。', 'The before cursor is invalid.', { parameter: 'before' });
    return c.json(await deps.store.listGenerations({ limit, ...(before ? { before } : {}) }));
  });

  app.post('/v1/keys', async (c) => {
    await authorize(c, auth, 'keys:manage');
    const parsed = KeyRequest.safeParse(await readJson(c.req.raw, limits));
    if (!parsed.success) throw new AppError({ code: 'input_invalid', message: { 'zh-CN': '密钥请求格式不正确。', en: 'The key request is malformed.' }, issues: toFieldIssues(parsed.error.issues) });
    const k = await createApiKey(deps.store, { ...parsed.data, now: deps.now().toISOString() });
    return c.json({ id: k.record.id, name: k.record.name, role: k.record.role, createdAt: k.record.createdAt, secret: k.secret }, 201);
  });

  app.get('/v1/keys', async (c) => {
    await authorize(c, auth, 'keys:manage');
    const keys = await deps.store.listKeys();
    return c.json({ keys: keys.map((k) => ({ id: k.id, name: k.name, role: k.role, createdAt: k.createdAt, revokedAt: k.revokedAt })) });
  });

  app.delete('/v1/keys/:id', async (c) => {
    await authorize(c, auth, 'keys:manage');
    const ok = await deps.store.revokeKey(c.req.param('id'), deps.now().toISOString());
    if (!ok) throw httpError('key_unknown', '没有这个有效密钥。', 'No such active key.');
    return c.body(null, 204);
  });

  if (deps.templates) {
    registerTemplateRoutes(app, auth, { templates: deps.templates, render: deps.render, samples: deps.samples, now: deps.now, maxUploadBytes: deps.maxUploadBytes ?? 10 * 1024 * 1024, limits });
  }

  return app;
}
