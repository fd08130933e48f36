// Configuration parsed once from a record (process.env on Node, bindings on Workers); every limit has a default.
import { z } from 'zod';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

export const ConfigSchema = z.object({
  PORT: int(8787, 0, 65535),
  HOST: z.string().default('127.0.0.1'),
  TEMPLATES_DIR: z.string().default('templates'),
  TEMPLATE_BUNDLE: z.string().default('.generated/html-templates.js'),
  DATABASE_PATH: z.string().default('data/filing-service.db'),
  /** How long a database statement keeps retrying (asynchronously) while another connection holds the lock. */
  DB_BUSY_TIMEOUT_MS: int(5000, 0, 120_000),
  /** Period of the WAL checkpoint that truncates the write-ahead log; 0 = only at shutdown. */
  DB_CHECKPOINT_INTERVAL_MS: int(60_000, 0, 86_400_000),
  /** Template files by SHA-256 (uploaded versions, and copies of the versions in git). */
  TEMPLATE_STORE_DIR: z.string().default('data/templates'),
  /** Largest template upload (both files together), enforced while reading. */
  TEMPLATE_MAX_BYTES: int(10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** 0 = from the number of cores (one tab per core, at least 1, at most 6). */
  PDF_CONCURRENCY: int(0, 0, 16),
  PDF_QUEUE_LIMIT: int(20, 0, 1000),
  PDF_TIMEOUT_MS: int(30_000, 1000, 300_000),
  PDF_RESTART_AFTER: int(100, 1, 100_000),
  PDF_MAX_PAGES: int(500, 1, 10_000),
  PDF_MAX_BYTES: int(20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  /** Tagged (accessible) PDFs: larger and slower to print. */
  PDF_TAGGED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Render worker threads (DOCX/HTML render, output check, packages, template lint); 0 = one per core. */
  RENDER_WORKERS: int(0, 0, 64),
  /** Requests admitted beyond one per worker; one more is refused at once (queue_full) before its body is read. */
  RENDER_QUEUE_LIMIT: int(64, 0, 10_000),
  /** Running time of one job in a worker; past it the worker is replaced (render_timeout, or a lint error). */
  RENDER_TIMEOUT_MS: int(30_000, 1, 600_000),
  /** V8 heap limit of each render worker, MB. */
  RENDER_WORKER_MEMORY_MB: int(256, 32, 16_384),
  /** Finished documents kept for repeated requests (bytes); 0 = no render cache. */
  RENDER_CACHE_MAX_BYTES: int(16 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
  /** A folder of licensed official fonts (仿宋_GB2312, 方正小标宋简体, 楷体_GB2312, 黑体…); they win over the stand-ins. */
  FONT_DIR: z.string().optional(),
  /**
   * PDFs carry their own fonts: the stand-ins' WOFF2 slices (set-up cuts them into .fonts/slices) inlined into the HTML
   * the browser prints, so it needs no fonts installed and prints the glyphs the Workers print. Off on Node by default:
   * the installed fonts (FONT_DIR included) print without the inlining's cost.
   */
  PDF_EMBED_FONTS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  MAX_BODY_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),
  /** A bearer token (RFC 6750 b64token characters), so any client can send it as it is. */
  ADMIN_API_KEY: z
    .string()
    .min(24)
    .max(200)
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'letters, digits and ._~+/- only')
    .optional(),
  RATE_LIMIT_PER_MINUTE: int(120, 1, 100_000),
  /** Failed authentications from one client address within the window that block it. */
  AUTH_FAILURE_LIMIT: int(10, 1, 100_000),
  AUTH_FAILURE_WINDOW_SECONDS: int(600, 1, 86_400),
  /** The first block; each further block of the address doubles, up to the maximum. */
  AUTH_BLOCK_SECONDS: int(60, 1, 86_400),
  AUTH_BLOCK_MAX_SECONDS: int(3600, 1, 7 * 86_400),
  /** A header set by a trusted reverse proxy with the client's address (e.g. X-Real-IP); unset: the socket's peer. */
  CLIENT_ADDRESS_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name')
    .optional(),
  IDEMPOTENCY_TTL_SECONDS: int(86_400, 60, 30 * 86_400),
  /** Larger answers to an Idempotency-Key request are not kept for replay. */
  IDEMPOTENCY_MAX_RESPONSE_BYTES: int(32 * 1024 * 1024, 0, 1024 * 1024 * 1024),
  /** The service's origin as others reach it (links in reminders and calendar feeds; never a webhook receiver). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** When the reminder job runs (node-cron syntax, UTC; "off" to not run it in this process). */
  REMINDER_CRON: z.string().max(100).default('* * * * *'),
  /** Days before a due date a reminder is sent: 0 on the day, negative when overdue. */
  REMINDER_OFFSETS_DAYS: z
    .string()
    .default('30,7,1,0,-1')
    .transform((s, ctx) => {
      const days = s.split(',').map((x) => x.trim());
      if (days.length > 20 || days.some((d) => !/^-?\d{1,3}$/.test(d))) ctx.addIssue({ code: 'custom', message: 'a comma-separated list of at most 20 whole numbers of days between -999 and 999' });
      return [...new Set(days.map(Number))].sort((a, b) => b - a);
    }),
  /** How long one run holds the job's lease (renewed while it delivers); a process that dies frees it after this. */
  REMINDER_LEASE_SECONDS: int(300, 5, 3600),
  /** Every revision of a draft is kept for so many days; after that its history is thinned (see the retention job). */
  DRAFT_HISTORY_KEEP_DAYS: int(90, 1, 36_500),
  /** The latest saved revisions of a draft, kept whatever their age. */
  DRAFT_HISTORY_KEEP_LATEST: int(10, 1, 100_000),
  /** Records of reminder runs (one a minute) are kept for so many days. */
  REMINDER_RUNS_KEEP_DAYS: int(30, 1, 36_500),
  /** Audit records of renders are kept for so many days; 0 keeps them for ever (the default). */
  AUDIT_LOG_KEEP_DAYS: int(0, 0, 36_500),
  /** Rows the retention job deletes at most in one run (more is left for the next one). */
  RETENTION_MAX_ROWS_PER_RUN: int(2000, 1, 1_000_000),
  /** The retention job runs with the reminders, at most once in so many minutes across every process. */
  RETENTION_INTERVAL_MINUTES: int(60, 1, 10_080),
  /** An open obligation due within so many days is "due soon". */
  DEADLINE_DUE_SOON_DAYS: int(30, 0, 365),
  WEBHOOK_TIMEOUT_MS: int(15_000, 100, 120_000),
  /** Attempts before a delivery is dead-lettered. */
  WEBHOOK_MAX_ATTEMPTS: int(16, 1, 100),
  /** The wait after the first failure; each further one doubles it (±20 % jitter) up to the maximum. */
  WEBHOOK_RETRY_BASE_SECONDS: int(5, 1, 86_400),
  WEBHOOK_RETRY_MAX_SECONDS: int(86_400, 1, 7 * 86_400),
  /** Private or loopback networks (CIDR, comma-separated) receivers may be in, http allowed there; none by default. */
  WEBHOOK_ALLOWED_NETWORKS: z.string().max(2000).default(''),
  /** How long a rotated-out webhook secret still signs, beside the new one. */
  WEBHOOK_SECRET_OVERLAP_HOURS: int(24, 0, 30 * 24),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the record; a bad value fails with the variable's name and what it accepts. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const r = ConfigSchema.safeParse(picked);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return r.data;
}

export function pdfConcurrency(config: Config, cores: number): number {
  return config.PDF_CONCURRENCY > 0 ? config.PDF_CONCURRENCY : Math.max(1, Math.min(6, cores));
}
