// Finished documents by the content of the request that made them: a render is a pure function of (input, template
// version, format, locale, draft), so the same request is answered with the bytes of the first. Keyed on the body's
// bytes as sent (no parse, no canonical form: a hit costs one hash), bounded in bytes (least recently used leave
// first), and emptied for a filing when one of its template versions is published or retired.
import { sha256Hex } from '../core/canonical.ts';
import type { RenderedFiling } from './render-filing.ts';

export interface RenderCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

/** What a render's output depends on, besides its input and the template versions in force. */
export interface RenderKeyParts {
  filingId: string;
  format: string;
  locale: string;
  draft: boolean;
  version?: string | undefined;
}

/** The key of a request: its parameters and the SHA-256 of its body bytes. */
export async function renderCacheKey(parts: RenderKeyParts, body: Uint8Array, sha256: (data: string | Uint8Array) => string | Promise<string> = sha256Hex): Promise<string> {
  return sha256(`${JSON.stringify([parts.filingId, parts.format, parts.locale, parts.draft, parts.version ?? null])}\n${await sha256(body)}`);
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
