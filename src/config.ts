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
  MAX_BODY_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),
  /** A bearer token (RFC 6750 b64token characters), so any client can send it as it is. */
  ADMIN_API_KEY: z
    .string()
    .min(24)
    .max(200)
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'letters, digits and ._~+/- only')
    .optional(),
  RATE_LIMIT_PER_MINUTE: int(120, 1, 100_000),
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
