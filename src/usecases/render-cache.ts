// Finished documents by the content that made them: a render is a pure function of (input, template version, format,
// locale, draft), so a repeat is answered with the bytes of the first. Bounded in bytes (least recently used leave
// first) and emptied for a filing when one of its template versions is published or retired.
import { canonicalJson } from '../core/canonical.ts';
import type { RenderedFiling } from './render-filing.ts';

export interface RenderCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

/** What a render's output depends on, besides the template versions in force. */
export interface RenderKeyParts {
  filingId: string;
  format: string;
  locale: string;
  draft: boolean;
  version?: string | undefined;
  input: unknown;
}

export class RenderCache {
  private readonly entries = new Map<string, { filingId: string; value: RenderedFiling; bytes: number }>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The key material: the request's parameters and its input in canonical form (key order and spacing do not matter). */
  static keyMaterial(p: RenderKeyParts): string {
    return canonicalJson([p.filingId, p.format, p.locale, p.draft, p.version ?? null, p.input]);
  }

  get(key: string): RenderedFiling | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: RenderedFiling): void {
    // A document larger than a quarter of the cache would push out everything else for one entry.
    const size = value.bytes.length + 1024;
    if (size > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { filingId: value.filingId, value, bytes: size });
    this.bytes += size;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  /** Forgets a filing's documents (its versions changed), or everything. */
  invalidate(filingId?: string): void {
    for (const [k, e] of this.entries) if (filingId === undefined || e.filingId === filingId) this.delete(k);
  }

  stats(): RenderCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}
