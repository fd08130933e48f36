// The ZIP gate on hand-built archives: malformed, oversized, lying and bomb archives, and that pizzip never sees them.
import { createDeflateRaw, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { once } from 'node:events';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { filingById } from '../../core/filings/index.ts';
import { buildDocxTemplate } from '../build/docx-template.ts';
import { DEFAULT_ZIP_LIMITS, inspectZip, type ZipEntry } from './zip-inspect.ts';
import { INFLATE_OVERSHOOT_BYTES, crc32, inflateChecked } from './zip-inflate.ts';
import { lintDocxTemplate } from './lint-docx.ts';

// Every PizZip the lint creates, with what it was given: the lint hands docxtemplater a PizZip filled with parts it
// already inflated under the cap (`new PizZip()`, no archive), so an uploaded archive must never appear here.
const pizzipInputs = vi.hoisted(() => [] as unknown[]);
vi.mock('pizzip', async (importOriginal) => {
  const mod = await importOriginal<{ default: new (...args: unknown[]) => object }>();
  const Real = mod.default;
  function SpyPizZip(...args: unknown[]): object {
    pizzipInputs.push(args[0]);
    return new Real(...args);
  }
  Object.assign(SpyPizZip, Real);
  return { ...mod, default: SpyPizZip };
});

const MiB = 1024 * 1024;
const enc = new TextEncoder();
const filing = filingById('acceptance-extension')!;

// ---------------------------------------------------------------------------------------------------------------
// A ZIP writer that writes whatever it is told, sizes and names included.
// ---------------------------------------------------------------------------------------------------------------

interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated for method 8). */
  data: Uint8Array;
  method: number;
  crc: number;
  /** Declared uncompressed size. */
  size: number;
  flags?: number;
  /** Name in the local header, when it should differ from the central directory's. */
  localName?: string;
}

function u16(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function localHeader(e: RawEntry): Uint8Array {
  const name = enc.encode(e.localName ?? e.name);
  return Uint8Array.from([...u32(0x04034b50), ...u16(20), ...u16(e.flags ?? 0x800), ...u16(e.method), ...u16(0), ...u16(0x21), ...u32(e.crc), ...u32(e.data.length), ...u32(e.size), ...u16(name.length), ...u16(0), ...name]);
}

function centralHeader(e: RawEntry, offset: number, extra: number[] = [], sizes?: { comp: number; size: number; offset: number }): Uint8Array {
  const name = enc.encode(e.name);
  const s = sizes ?? { comp: e.data.length, size: e.size, offset };
  // signature, versions, flags, method, time, date, CRC, sizes, name/extra/comment lengths, disk, attributes, offset
  return Uint8Array.from([
    ...[...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(e.flags ?? 0x800), ...u16(e.method), ...u16(0), ...u16(0x21), ...u32(e.crc)],
    ...[...u32(s.comp), ...u32(s.size), ...u16(name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(s.offset)],
    ...name,
    ...extra,
  ]);
}

function eocd(count: number, cdSize: number, cdOffset: number, comment = ''): Uint8Array {
  const c = enc.encode(comment);
  return Uint8Array.from([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(cdSize), ...u32(cdOffset), ...u16(c.length), ...c]);
}

function buildZip(entries: RawEntry[], opts: { comment?: string } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    offsets.push(offset);
    const h = localHeader(e);
    parts.push(h, e.data);
    offset += h.length + e.data.length;
  }
  const cd = entries.map((e, i) => centralHeader(e, offsets[i]!));
  const cdSize = cd.reduce((n, c) => n + c.length, 0);
  return concat([...parts, ...cd, eocd(entries.length, cdSize, offset, opts.comment)]);
}

const bytesOf = (s: string | Uint8Array) => (typeof s === 'string' ? enc.encode(s) : s);
function stored(name: string, content: string | Uint8Array): RawEntry {
  const data = bytesOf(content);
  return { name, data, method: 0, crc: zlibCrc32(data), size: data.length };
}
function deflated(name: string, content: string | Uint8Array): RawEntry {
  const raw = bytesOf(content);
  return { name, data: new Uint8Array(deflateRawSync(raw)), method: 8, crc: zlibCrc32(raw), size: raw.length };
}

const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

// ---------------------------------------------------------------------------------------------------------------

describe('inspectZip: structure', () => {
  it('reads names, methods and declared sizes of a sound archive without inflating', () => {
    const zip = buildZip([stored('a.txt', 'hello'), deflated('word/document.xml', '<w:document/>'.repeat(50)), stored('dir/', '')]);
    const r = inspectZip(zip);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.entries.map((e) => [e.name, e.method, e.uncompressedSize, e.isDirectory])).toEqual([
      ['a.txt', 0, 5, false],
      ['word/document.xml', 8, 650, false],
      ['dir/', 0, 0, true],
    ]);
    const res = inflateChecked(zip, r.entries[1]!, MiB);
    expect(res.ok && new TextDecoder().decode(res.data)).toBe('<w:document/>'.repeat(50));
  });

  it('refuses what is not a zip: a PDF, random bytes, an empty file', () => {
    for (const bytes of [enc.encode('%PDF-1.7\n1 0 obj <<>> endobj\n'), Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256), new Uint8Array(0)]) {
      const r = inspectZip(bytes);
      expect(r.ok).toBe(false);
      expect(codes(r.problems)).toEqual(['not_a_zip']);
    }
    expect(inspectZip(enc.encode('%PDF-1.7 …')).problems[0]!.explanation.en).toMatch(/PDF/);
  });

  it('refuses a truncated zip (cut in half, or missing its last bytes)', () => {
    const zip = buildZip([deflated('word/document.xml', 'x'.repeat(5000)), stored('b.txt', 'b')]);
    for (const cut of [Math.floor(zip.length / 2), zip.length - 5]) {
      const r = inspectZip(zip.subarray(0, cut));
      expect(codes(r.problems)).toEqual(['zip_truncated']);
    }
  });

});

describe('inspectZip: declared sizes, before anything is inflated', () => {
  it('refuses more entries than maxEntries before reading them', () => {
    const many = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => stored(`e${i}.txt`, ''));
    const r = inspectZip(buildZip(many));
    expect(codes(r.problems)).toEqual(['too_many_entries']);
    expect(r.entries).toEqual([]);
    expect(inspectZip(buildZip(many.slice(0, 11)), { maxEntries: 10 }).problems[0]!.code).toBe('too_many_entries');
    expect(inspectZip(buildZip(many.slice(0, 10)), { maxEntries: 10 }).ok).toBe(true);
  });

  it('refuses declared sizes over the per-entry and total limits, from the directory alone', () => {
    const big = (name: string, size: number): RawEntry => ({ ...deflated(name, 'x'.repeat(1000)), size });
    const one = inspectZip(buildZip([big('word/media/huge.bin', 60 * MiB)]));
    expect(codes(one.problems)).toContain('entry_too_large');
    const total = inspectZip(buildZip([big('a.xml', 40 * MiB), big('b.xml', 40 * MiB), big('c.xml', 40 * MiB)]), { maxRatio: 1e9 });
    expect(codes(total.problems)).toEqual(['archive_too_large']);
  });

  it('refuses a compression ratio over 100:1 from the declared sizes', () => {
    const zeros = deflated('word/document.xml', new Uint8Array(2 * MiB));
    const r = inspectZip(buildZip([zeros]));
    expect(codes(r.problems)).toEqual(['compression_ratio']);
    expect(r.problems[0]!.file).toBe('word/document.xml');
    // Small entries cannot hurt and are exempt (ratioGraceBytes); with no grace they are caught too.
    const small = buildZip([deflated('word/settings.xml', new Uint8Array(32 * 1024))]);
    expect(inspectZip(small).ok).toBe(true);
    expect(codes(inspectZip(small, { ratioGraceBytes: 0 }).problems)).toEqual(['compression_ratio']);
  });

});

describe('inspectZip: names, methods and placement', () => {
  it('refuses path-like names: "..", absolute, drive letters, backslashes, control characters', () => {
    for (const name of ['../../etc/passwd', 'word/../../x.xml', '/etc/x', 'C:/Windows/x', 'word\\document.xml', 'a\u0001b']) {
      const r = inspectZip(buildZip([stored(name, 'x')]));
      expect(codes(r.problems), name).toEqual(['zip_unsafe_name']);
      expect(r.problems[0]!.tag).toBe(name);
    }
  });

  it('refuses duplicate names, encryption, unknown methods, stored entries whose sizes disagree', () => {
    expect(codes(inspectZip(buildZip([stored('a.xml', '1'), stored('A.xml', '2')])).problems)).toEqual(['zip_duplicate_entry']);
    expect(codes(inspectZip(buildZip([{ ...stored('a.xml', 'x'), flags: 0x801 }])).problems)).toEqual(['zip_encrypted']);
    expect(codes(inspectZip(buildZip([{ ...stored('a.xml', 'x'), method: 12 }])).problems)).toEqual(['zip_unsupported_method']);
    expect(codes(inspectZip(buildZip([{ ...stored('a.xml', 'abc'), size: 10 }])).problems)).toEqual(['zip_corrupt']);
  });

  it('refuses a local header that names another file than the central directory (pizzip reads the local name)', () => {
    const r = inspectZip(buildZip([{ ...stored('word/document.xml', 'x'), localName: 'word/evil.xml' }]));
    expect(codes(r.problems)).toEqual(['zip_corrupt']);
  });

  it('refuses overlapping entries (the non-recursive zip bomb construction)', () => {
    // Entry B's local header and data sit inside entry A's stored data.
    const inner = stored('b.xml', 'BBBB');
    const innerBytes = concat([localHeader(inner), inner.data]);
    const outer = stored('a.xml', innerBytes);
    const outerHeader = localHeader(outer);
    const body = concat([outerHeader, outer.data]);
    const cd = concat([centralHeader(outer, 0), centralHeader(inner, outerHeader.length)]);
    const zip = concat([body, cd, eocd(2, cd.length, body.length)]);
    expect(codes(inspectZip(zip).problems)).toEqual(['zip_overlapping_entries']);
  });

  it('reads an end record with a comment, and refuses one whose comment holds another end signature', () => {
    const commented = inspectZip(buildZip([stored('a.txt', 'hi')], { comment: 'written by hand' }));
    expect(commented.ok).toBe(true);
    expect(commented.entries.map((e) => e.name)).toEqual(['a.txt']);
    // pizzip takes the last signature in the file: it would read the fake record and another archive.
    expect(codes(inspectZip(buildZip([stored('a.txt', 'hi')], { comment: 'PK\u0005\u0006 not really the end' })).problems)).toEqual(['zip_corrupt']);
  });

  it('refuses a gap between the central directory and the end record (pizzip would shift every offset by it)', () => {
    const e = stored('a.txt', 'hi');
    const head = localHeader(e);
    const cd = centralHeader(e, 0);
    const zip = concat([head, e.data, cd, new Uint8Array(7), eocd(1, cd.length, head.length + e.data.length)]);
    expect(codes(inspectZip(zip).problems)).toEqual(['zip_corrupt']);
  });

  it('reads ZIP64 sizes from the extended information field', () => {
    const e = deflated('word/document.xml', 'z'.repeat(3000));
    const head = localHeader(e);
    const extra = [...u16(0x0001), ...u16(16), ...u32(e.size), ...u32(0), ...u32(e.data.length), ...u32(0)];
    const cd = centralHeader(e, 0, extra, { comp: 0xffffffff, size: 0xffffffff, offset: 0 });
    const zip = concat([head, e.data, cd, eocd(1, cd.length, head.length + e.data.length)]);
    const r = inspectZip(zip);
    expect(r.problems).toEqual([]);
    expect(r.entries[0]).toMatchObject({ uncompressedSize: 3000, compressedSize: e.data.length });
    expect(inflateChecked(zip, r.entries[0]!, MiB).ok).toBe(true);
  });
});

describe('inflateChecked', () => {
  const entryOf = (zip: Uint8Array): ZipEntry => inspectZip(zip).entries[0]!;

  it('finds a wrong CRC and damaged deflate data', () => {
    const good = deflated('a.xml', 'hello world '.repeat(100));
    const badCrc = buildZip([{ ...good, crc: (good.crc ^ 1) >>> 0 }]);
    const r1 = inflateChecked(badCrc, entryOf(badCrc), MiB);
    expect(!r1.ok && r1.problem.code).toBe('crc_mismatch');
    const flipped = buildZip([good]);
    const at = 30 + 'a.xml'.length + 2;
    flipped[at] = flipped[at]! ^ 0xff;
    const r2 = inflateChecked(flipped, entryOf(flipped), MiB);
    expect(r2.ok).toBe(false);
    expect(['entry_corrupt', 'crc_mismatch', 'entry_size_mismatch', 'inflate_limit_exceeded']).toContain(!r2.ok && r2.problem.code);
  });

  it('finds an entry that inflates to less than it declares', () => {
    const zip = buildZip([{ ...deflated('a.xml', 'abc'), size: 10 }]);
    const r = inflateChecked(zip, entryOf(zip), MiB);
    expect(!r.ok && r.problem.code).toBe('entry_size_mismatch');
  });

  it('does not inflate an entry whose declared size is over the cap', () => {
    const zip = buildZip([deflated('a.xml', 'x'.repeat(5000))]);
    const r = inflateChecked(zip, entryOf(zip), 1000);
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.problem.code, r.produced]).toEqual(['entry_too_large', 0]);
  });

  it('agrees with its own CRC-32 and zlib', () => {
    const data = enc.encode('中文 and English '.repeat(1000));
    expect(crc32(data)).toBe(zlibCrc32(data));
  });
});

describe('the names the renderer reads', () => {
  it('refuses an entry whose Unicode Path field gives pizzip another name than the directory gives the lint', () => {
    const doc = deflated('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
    const other = { ...deflated('word/other.xml', '<x/>'), flags: 0 };
    const raw = enc.encode(other.name);
    const shown = enc.encode('word/document.xml');
    const unicodePath = [...u16(0x7075), ...u16(5 + shown.length), 1, ...u32(zlibCrc32(raw)), ...shown];
    const parts = [deflated('[Content_Types].xml', CONTENT_TYPES), doc, other];
    const heads = parts.map(localHeader);
    const offsets = heads.map((_, i) => heads.slice(0, i).reduce((n, h, k) => n + h.length + parts[k]!.data.length, 0));
    const body = concat(parts.flatMap((e, i) => [heads[i]!, e.data]));
    const cd = concat(parts.map((e, i) => centralHeader(e, offsets[i]!, e === other ? unicodePath : [])));
    const zip = concat([body, cd, eocd(parts.length, cd.length, body.length)]);
    expect(inspectZip(zip).ok).toBe(true); // the lint's own reader sees three sound entries
    const p = lintDocxTemplate(zip, { filing });
    expect(p.map((x) => x.code)).toContain('zip_names_disagree');
    expect(p.find((x) => x.code === 'zip_names_disagree')!.explanation.en).toMatch(/word\/other\.xml/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A real zip bomb: 200 MB of zeros deflated (streaming, never held in memory) to about 200 KB.
// ---------------------------------------------------------------------------------------------------------------

/** Memory growth of one call. */
function measure<T>(fn: () => T): { result: T; grownBytes: number } {
  const before = process.memoryUsage();
  const result = fn();
  const after = process.memoryUsage();
  const grownBytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return { result, grownBytes };
}

describe('zip bomb', () => {
  const BOMB_BYTES = 200 * 1000 * 1000;
  let bomb: { data: Uint8Array; crc: number };

  beforeAll(async () => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const zero = Buffer.alloc(MiB);
    let crc = 0;
    for (let left = BOMB_BYTES; left > 0; left -= zero.length) {
      const piece = left >= zero.length ? zero : zero.subarray(0, left);
      crc = zlibCrc32(piece, crc);
      if (!deflate.write(piece)) await once(deflate, 'drain');
    }
    deflate.end();
    await once(deflate, 'end');
    bomb = { data: new Uint8Array(Buffer.concat(chunks)), crc };
    expect(bomb.data.length).toBeLessThan(300 * 1024);
  }, 60_000);

  beforeEach(() => {
    pizzipInputs.length = 0;
  });

  const bombDocx = (declared: number) =>
    buildZip([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', ROOT_RELS), { name: 'word/document.xml', data: bomb.data, method: 8, crc: bomb.crc, size: declared }]);

  it('with honest sizes: refused from the directory (size, total, ratio) without inflating, pizzip never called', () => {
    const zip = bombDocx(BOMB_BYTES);
    const { result, grownBytes } = measure(() => lintDocxTemplate(zip, { filing }));
    expect(codes(result)).toEqual(expect.arrayContaining(['entry_too_large', 'compression_ratio', 'archive_too_large']));
    expect(result.every((p) => p.severity === 'error')).toBe(true);
    expect(pizzipInputs).toEqual([]);
    expect(grownBytes).toBeLessThan(16 * MiB);
  });

  it('with a lying central directory (declares 1,000 bytes): inflating stops at the cap, pizzip never called', () => {
    const zip = bombDocx(1000);
    expect(inspectZip(zip).ok).toBe(true); // the directory alone looks harmless
    const { result, grownBytes } = measure(() => lintDocxTemplate(zip, { filing }));
    expect(codes(result)).toEqual(['inflate_limit_exceeded']);
    expect(result[0]!.file).toBe('word/document.xml');
    expect(pizzipInputs).toEqual([]);
    expect(grownBytes).toBeLessThan(16 * MiB);

    const entry = inspectZip(zip).entries.find((e) => e.name === 'word/document.xml')!;
    const r = inflateChecked(zip, entry, DEFAULT_ZIP_LIMITS.maxEntryBytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.produced).toBeLessThanOrEqual(1000 + INFLATE_OVERSHOOT_BYTES);
  });

  it('with a lie under the ratio limit (declares 10 MiB): stopped right after 10 MiB of 200 MB', () => {
    const zip = bombDocx(10 * MiB);
    const entry = inspectZip(zip).entries.find((e) => e.name === 'word/document.xml')!;
    const r = inflateChecked(zip, entry, DEFAULT_ZIP_LIMITS.maxEntryBytes);
    expect(!r.ok && r.problem.code).toBe('inflate_limit_exceeded');
    expect(!r.ok && r.produced).toBeLessThanOrEqual(10 * MiB + INFLATE_OVERSHOOT_BYTES);
    expect(codes(lintDocxTemplate(zip, { filing }))).toEqual(['inflate_limit_exceeded']);
    expect(pizzipInputs).toEqual([]);
  });

  it('a sound template reaches pizzip only after every entry inflated within its cap (the spy works)', () => {
    const bytes = buildDocxTemplate(filing, { version: '1.0.0', title: 'test' });
    pizzipInputs.length = 0;
    expect(lintDocxTemplate(bytes, { filing })).toEqual([]);
    // Its directory, to compare names with the renderer's reader; then the parts already inflated, to compile them.
    expect(pizzipInputs).toEqual([bytes, undefined]);
  });
});
