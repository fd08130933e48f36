// The use cases' Work on a pool of render workers: each job goes to a worker with the template it needs; a job past its
// deadline ends its worker and is answered render_timeout (503), or, for a template lint, a lint error (422).
import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import type { TemplateStore } from '../../core/ports.ts';
import type { RenderJob } from '../../render/document-job.ts';
import { Lru } from '../../render/lru.ts';
import type { Work, WorkTicket } from '../../usecases/work.ts';
import { threadEntry } from './own-files.ts';
import { JobFailure, WorkerPool, type PoolStats } from './worker-pool.ts';
import { fromWire, type JobKind, type TemplateMaterial, type WireError } from './worker-protocol.ts';

export interface PoolWorkOptions {
  /** Workers; 0 = one per core. */
  workers: number;
  queueLimit: number;
  timeoutMs: number;
  /** V8 old-generation limit of each worker, MB. */
  memoryMb: number;
  bundlePath: string;
  log?: (e: Record<string, unknown>) => void;
}

export interface PoolWork extends Work {
  admit(): WorkTicket;
  saturated(): boolean;
  stats(): PoolStats;
  ready(): Promise<void>;
  /** Thread ids of the current workers (a replaced worker gets a new one). */
  threadIds(): number[];
  resourceLimits(): ResourceLimits | undefined;
  close(): Promise<void>;
}

function workQueueFull(limit: number): AppError {
  return new AppError({
    code: 'queue_full',
    message: { 'zh-CN': '渲染队列已满，请稍后重试。', en: 'The render queue is full; retry shortly.' },
    details: { retryAfterSeconds: 2, queueLimit: limit },
  });
}

function failed(kind: JobKind, f: JobFailure, timeoutMs: number): AppError {
  const over = f.reason === 'timeout' ? `超过 ${timeoutMs} 毫秒时限` : '所用资源超出上限';
  const overEn = f.reason === 'timeout' ? `ran past its ${timeoutMs} ms budget` : 'exceeded its resources';
  if (kind === 'lint') {
    const code = f.reason === 'timeout' ? 'lint_timeout' : 'lint_resources_exceeded';
    const problem = { code, severity: 'error' as const, explanation: { zh: `模板检查${over}，已中止：模板过大或过于复杂。`, en: `The template lint ${overEn} and was stopped: the template is too large or too complex.` } };
    return new AppError({ code: 'template_lint_failed', message: { 'zh-CN': `模板检查${over}，未保存任何内容。`, en: `The template lint ${overEn}; nothing was stored.` }, details: { problems: [problem] } });
  }
  if (f.reason === 'closed') return new AppError({ code: 'shutting_down', message: { 'zh-CN': '服务正在停止，请稍后重试。', en: 'The service is shutting down; retry shortly.' }, details: { retryAfterSeconds: 5 } });
  if (f.reason === 'crashed') return new AppError({ code: 'render_failed', message: { 'zh-CN': `渲染${over}，已中止。`, en: `The render ${overEn} and was stopped.` }, details: { reason: 'worker_stopped' }, cause: f });
  return new AppError({
    code: 'render_timeout',
    message: f.reason === 'timeout' ? { 'zh-CN': `渲染${over}，已取消。`, en: `The render ${overEn} and was cancelled.` } : { 'zh-CN': '渲染已取消。', en: 'The render was cancelled.' },
    details: { timeoutMs, cancelled: f.reason !== 'timeout' },
    cause: f,
  });
}

export function createPoolWork(templates: TemplateStore, o: PoolWorkOptions): PoolWork {
  const size = o.workers > 0 ? o.workers : Math.max(1, availableParallelism());
  const pool = new WorkerPool({
    entry: threadEntry('render-worker'),
    workerData: { bundlePath: o.bundlePath },
    size,
    queueLimit: o.queueLimit,
    timeoutMs: o.timeoutMs,
    // A small young generation: a worker's garbage is collected sooner, which keeps its resident memory near a third
    // of V8's default at no measurable cost in renders per second.
    resourceLimits: { maxOldGenerationSizeMb: o.memoryMb, maxYoungGenerationSizeMb: 16 },
    ...(o.log ? { log: o.log } : {}),
  });
  const sources = new Lru<string, string>(64);

  /** What a render needs of its template: the DOCX bytes, or the HTML template's source and bundle key. */
  async function material(job: RenderJob): Promise<TemplateMaterial> {
    const v = templates.versions(job.filingId).find((x) => x.version === job.templateVersion);
    if (!v) throw new Error(`no template ${job.filingId}@${job.templateVersion}`);
    if (job.format === 'docx') return { docx: { sha256: v.sha256.docx, bytes: await templates.docx(job.filingId, job.templateVersion) } };
    let source = sources.get(v.sha256.html);
    if (source === undefined) {
      source = await templates.htmlSource(job.filingId, job.templateVersion);
      sources.set(v.sha256.html, source);
    }
    return { html: { key: `${job.filingId}@${job.templateVersion}`, sha256: v.sha256.html, source } };
  }

  async function run<T>(kind: JobKind, args: unknown, signal: AbortSignal | undefined, template?: TemplateMaterial): Promise<T> {
    try {
      return (await pool.run(kind, { args, ...(template ? { template } : {}) }, signal ? { signal } : {})) as T;
    } catch (e) {
      if (e instanceof JobFailure) throw failed(kind, e, o.timeoutMs);
      if (e === null || typeof e !== 'object' || !('app' in e)) throw e;
      const w = e as WireError;
      // A template nested deeper than the lint's own stack is refused as too complex, like one past its time budget.
      if (kind === 'lint' && !w.app && /Maximum call stack size exceeded/.test(w.message)) throw failed(kind, new JobFailure('crashed', w.message), o.timeoutMs);
      throw fromWire(w);
    }
  }

  return {
    // The parsed input comes back as JSON text (one string, not an object graph to copy and rebuild) and goes to the
    // render job as that; it is parsed on this thread only where something here reads it (preparedValue).
    prepare: (job, signal) => run('prepare', { ...job, asJson: true }, signal),
    validate: (job, signal) => run('validate', job, signal),
    render: async (job, signal) => run('render', job, signal, await material(job)),
    glyphs: (job, signal) => run('glyphs', job, signal),
    zip: (entries, signal) => run('zip', entries, signal),
    lint: (job, signal) => run('lint', job, signal),
    pdfLayout: (pdf, signal) => run('pdfLayout', pdf, signal),
    finishPdf: (job, signal) => run('finishPdf', job, signal),
    admit() {
      const t = pool.tryAdmit();
      if (!t) throw workQueueFull(o.queueLimit);
      return t;
    },
    saturated: () => pool.saturated(),
    stats: () => pool.stats(),
    ready: () => pool.ready(),
    threadIds: () => pool.threadIds(),
    resourceLimits: () => pool.resourceLimits(),
    close: () => pool.close(),
  };
}
