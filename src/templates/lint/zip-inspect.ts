// ZIP upload gate for DOCX templates: reads the central directory itself (no inflating) and checks every declared
// size, then inflates one entry at a time with a running byte cap, so a zip bomb is refused before pizzip ever sees it.
// Runtime-neutral: pure JS (pako, the inflater pizzip itself uses), no Node APIs.

import { Inflate as PakoInflate } from 'pako';

/** One finding of the template linter. */
export interface LintProblem {
  /** Part of the archive (`word/document.xml`) or template file the problem is in; absent for the archive itself. */
  file?: string;
  /** The offending tag, name or snippet, as written. */
  tag?: string;
  /** Stable snake_case code. */
  code: string;
  severity: 'error' | 'warning';
  explanation: { zh: string; en: string };
}

export function lintProblem(code: string, severity: 'error' | 'warning', zh: string, en: string, where: { file?: string; tag?: string } = {}): LintProblem {
  return {
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.tag !== undefined ? { tag: where.tag } : {}),
    code,
    severity,
    explanation: { zh, en },
  };
}

export const hasErrors = (problems: readonly LintProblem[]): boolean => problems.some((p) => p.severity === 'error');

export interface ZipLimits {
  /** Entries in the central directory (directories count). */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed : compressed size of one entry. */
  maxRatio: number;
  /** Entries that declare at most this many uncompressed bytes are exempt from the ratio check (they cannot hurt). */
  ratioGraceBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** security-reliability.md §4 "DOCX path": 1,000 entries, 100 MiB in total, 50 MiB per entry, 100:1. */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 1000,
  maxTotalBytes: 100 * MiB,
  maxEntryBytes: 50 * MiB,
  maxRatio: 100,
  ratioGraceBytes: 64 * KiB,
});

export interface ZipEntry {
  /** Name as stored (UTF-8 when flagged, otherwise read byte for byte). */
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** As declared by the central directory; only trusted after `inflateChecked` agreed. */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** First byte of the entry's data (after its local header), or -1 when the local header is unusable. */
  dataOffset: number;
  isDirectory: boolean;
}

export interface ZipInspection {
  /** No error: the declared archive is within the limits and its structure is sound. */
  ok: boolean;
  entries: ZipEntry[];
  problems: LintProblem[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const fmtBytes = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : n >= KiB ? `${(n / KiB).toFixed(1)} KiB` : `${n} B`);

class Reader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  fits(offset: number, n: number): boolean {
    return offset >= 0 && offset + n <= this.bytes.length;
  }
  u16(o: number): number {
    return this.view.getUint16(o, true);
  }
  u32(o: number): number {
    return this.view.getUint32(o, true);
  }
  /** 64-bit little endian as a double: exact up to 2^53, beyond that still larger than any limit. */
  u64(o: number): number {
    return this.view.getUint32(o + 4, true) * 0x100000000 + this.view.getUint32(o, true);
  }
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(raw);
  let s = '';
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Why an entry name is unsafe, or undefined: `..` segments, absolute paths, drive letters, backslashes, control characters. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.split('/').some((seg) => seg === '..')) return '".." segment';
  return undefined;
}

function findEocd(r: Reader): number {
  const last = r.length - 22;
  const first = Math.max(0, last - U16_MAX);
  // Prefer a record whose comment runs exactly to the end of the file (a signature can appear inside a comment).
  let loose = -1;
  for (let i = last; i >= first; i--) {
    if (r.bytes[i] !== 0x50 || r.u32(i) !== SIG_EOCD) continue;
    const end = i + 22 + r.u16(i + 20);
    if (end === r.length) return i;
    if (loose < 0 && end <= r.length) loose = i;
  }
  return loose;
}

/**
 * Reads the archive's structure without inflating anything and checks it against the limits: magic bytes, end of
 * central directory (ZIP64 included), entry count, every entry's declared sizes and ratio, names, methods,
 * encryption, local headers agreeing with the central directory, and entries that overlap (the non-recursive
 * zip-bomb construction).
 */
export function inspectZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipInspection {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const problems: LintProblem[] = [];
  const entries: ZipEntry[] = [];
  const done = (): ZipInspection => ({ ok: !hasErrors(problems), entries, problems });
  const r = new Reader(bytes);

  const isZipStart = r.length >= 4 && r.u32(0) === SIG_LOCAL;
  if (!isZipStart) {
    const pdf = r.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
    problems.push(
      lintProblem(
        'not_a_zip',
        'error',
        `文件不是 DOCX（ZIP）格式：开头不是 ZIP 文件签名 "PK\\x03\\x04"${pdf ? '，看起来是 PDF 文件' : ''}。请在 Word/WPS 中另存为 .docx 后上传。`,
        `The file is not a DOCX (ZIP) package: it does not start with the ZIP signature "PK\\x03\\x04"${pdf ? ' (it looks like a PDF)' : ''}. Save it as .docx in Word/WPS and upload that.`,
      ),
    );
    return done();
  }

  const eocd = r.length >= 22 ? findEocd(r) : -1;
  if (eocd < 0) {
    problems.push(
      lintProblem(
        'zip_truncated',
        'error',
        '文件不完整：找不到 ZIP 的中央目录结束记录，文件可能在上传或复制时被截断。',
        'The file is incomplete: the ZIP end-of-central-directory record is missing, so the file was probably cut short while uploading or copying.',
      ),
    );
    return done();
  }

  const corrupt = (en: string, zh: string, file?: string): void => {
    problems.push(lintProblem('zip_corrupt', 'error', `ZIP 结构损坏：${zh}`, `The ZIP structure is corrupt: ${en}`, file !== undefined ? { file } : {}));
  };
  const truncated = (en: string, zh: string, file?: string): void => {
    problems.push(lintProblem('zip_truncated', 'error', `文件不完整：${zh}`, `The file is incomplete: ${en}`, file !== undefined ? { file } : {}));
  };

  let diskNo = r.u16(eocd + 4);
  let cdDisk = r.u16(eocd + 6);
  let entriesOnDisk = r.u16(eocd + 8);
  let total = r.u16(eocd + 10);
  let cdSize = r.u32(eocd + 12);
  let cdOffset = r.u32(eocd + 16);
  /** Where the central directory must end: the EOCD, or the ZIP64 end record before it. */
  let cdLimit = eocd;

  if (total === U16_MAX || entriesOnDisk === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (!r.fits(loc, 20) || r.u32(loc) !== SIG_ZIP64_LOCATOR) {
      corrupt('the end record points to a ZIP64 directory but there is no ZIP64 locator.', '结束记录指向 ZIP64 目录，但找不到 ZIP64 定位记录。');
      return done();
    }
    const rec = r.u64(loc + 8);
    if (!r.fits(rec, 56) || r.u32(rec) !== SIG_ZIP64_EOCD) {
      corrupt('the ZIP64 end record is missing or outside the file.', 'ZIP64 结束记录缺失或超出文件范围。');
      return done();
    }
    diskNo = r.u32(rec + 16);
    cdDisk = r.u32(rec + 20);
    entriesOnDisk = r.u64(rec + 24);
    total = r.u64(rec + 32);
    cdSize = r.u64(rec + 40);
    cdOffset = r.u64(rec + 48);
    cdLimit = rec;
  }

  if (diskNo !== 0 || cdDisk !== 0 || entriesOnDisk !== total) {
    problems.push(
      lintProblem('zip_unsupported', 'error', '这是分卷 ZIP 文件，不受支持。请上传单个 .docx 文件。', 'This is a multi-volume (split) ZIP archive, which is not supported. Upload a single .docx file.'),
    );
    return done();
  }

  if (total > lim.maxEntries) {
    problems.push(
      lintProblem(
        'too_many_entries',
        'error',
        `压缩包声明了 ${total} 个条目，超过上限 ${lim.maxEntries}。正常的 Word 模板只有几十个部件；文件未解压即被拒绝。`,
        `The archive declares ${total} entries, more than the limit of ${lim.maxEntries}. A Word template has a few dozen parts; the file was refused without inflating anything.`,
      ),
    );
    return done();
  }

  if (cdOffset + cdSize > r.length) {
    truncated('the central directory runs past the end of the file.', '中央目录超出了文件末尾。');
    return done();
  }
  if (cdOffset + cdSize > cdLimit || total * 46 > cdSize) {
    corrupt('the central directory does not fit where the end record says it is.', '中央目录的位置或大小与结束记录不符。');
    return done();
  }

  // Central directory entries.
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  const rawNames: Uint8Array[] = [];
  for (let k = 0; k < total; k++) {
    if (p + 46 > cdEnd || r.u32(p) !== SIG_CENTRAL) {
      corrupt(`central directory entry ${k + 1} of ${total} is missing or damaged.`, `中央目录第 ${k + 1}/${total} 项缺失或损坏。`);
      return done();
    }
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    const crc32 = r.u32(p + 16);
    let compressedSize = r.u32(p + 20);
    let uncompressedSize = r.u32(p + 24);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    const diskStart = r.u16(p + 34);
    let localHeaderOffset = r.u32(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) {
      corrupt(`central directory entry ${k + 1} runs past the directory.`, `中央目录第 ${k + 1} 项超出了目录范围。`);
      return done();
    }
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = decodeName(rawName, (flags & 0x800) !== 0);
    // ZIP64 extended information: only the fields whose 32-bit value is saturated, in this order.
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      let q = p + 46 + nameLen;
      const extraEnd = q + extraLen;
      let found = false;
      while (q + 4 <= extraEnd) {
        const id = r.u16(q);
        const size = r.u16(q + 2);
        if (id === 0x0001) {
          let f = q + 4;
          const fEnd = Math.min(f + size, extraEnd);
          if (uncompressedSize === U32_MAX && f + 8 <= fEnd) {
            uncompressedSize = r.u64(f);
            f += 8;
          }
          if (compressedSize === U32_MAX && f + 8 <= fEnd) {
            compressedSize = r.u64(f);
            f += 8;
          }
          if (localHeaderOffset === U32_MAX && f + 8 <= fEnd) localHeaderOffset = r.u64(f);
          found = true;
          break;
        }
        q += 4 + size;
      }
      if (!found) {
        corrupt(`entry "${name}" has saturated sizes but no ZIP64 field.`, `条目“${name}”的大小字段溢出，却没有 ZIP64 扩展字段。`, name);
        return done();
      }
    }
    if (diskStart !== 0 && diskStart !== U16_MAX) {
      problems.push(lintProblem('zip_unsupported', 'error', '这是分卷 ZIP 文件，不受支持。', 'This is a multi-volume (split) ZIP archive, which is not supported.', { file: name }));
      return done();
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset, dataOffset: -1, isDirectory: name.endsWith('/') });
    rawNames.push(rawName);
    p += 46 + nameLen + extraLen + commentLen;
  }

  // Per-entry checks on the declared values.
  const seen = new Set<string>();
  let declaredTotal = 0;
  entries.forEach((e) => {
    const where = { file: e.name };
    const why = unsafeEntryName(e.name);
    if (why) {
      problems.push(
        lintProblem(
          'zip_unsafe_name',
          'error',
          `条目名称“${e.name}”像文件路径（${why}）。DOCX 部件名不能含“..”、以“/”或盘符开头或含反斜杠。`,
          `The entry name "${e.name}" is path-like (${why}). DOCX part names never contain "..", start with "/" or a drive letter, or use backslashes.`,
          { ...where, tag: e.name },
        ),
      );
    }
    const key = e.name.toLowerCase();
    if (seen.has(key)) {
      problems.push(
        lintProblem(
          'zip_duplicate_entry',
          'error',
          `条目“${e.name}”出现了不止一次（不区分大小写）。不同的程序会读到不同的内容，因此不予接受。`,
          `The entry "${e.name}" occurs more than once (ignoring case). Different readers would pick different copies, so the archive is refused.`,
          where,
        ),
      );
    }
    seen.add(key);
    if (e.flags & 0x1) {
      problems.push(lintProblem('zip_encrypted', 'error', `条目“${e.name}”已加密。模板不能加密或设置打开密码。`, `The entry "${e.name}" is encrypted. Templates must not be encrypted or password-protected.`, where));
    }
    if (e.method !== 0 && e.method !== 8) {
      problems.push(
        lintProblem(
          'zip_unsupported_method',
          'error',
          `条目“${e.name}”使用了不支持的压缩方式（${e.method}）；只接受存储（0）和 Deflate（8）。`,
          `The entry "${e.name}" uses an unsupported compression method (${e.method}); only stored (0) and deflate (8) are accepted.`,
          where,
        ),
      );
    }
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) {
      corrupt(`the stored entry "${e.name}" declares ${e.compressedSize} bytes stored but ${e.uncompressedSize} bytes of content.`, `未压缩条目“${e.name}”的存储大小与内容大小不一致。`, e.name);
    }
    declaredTotal += e.uncompressedSize;
    if (e.uncompressedSize > lim.maxEntryBytes) {
      problems.push(
        lintProblem(
          'entry_too_large',
          'error',
          `条目“${e.name}”声明解压后有 ${fmtBytes(e.uncompressedSize)}，超过单个部件上限 ${fmtBytes(lim.maxEntryBytes)}。文件未解压即被拒绝。`,
          `The entry "${e.name}" declares ${fmtBytes(e.uncompressedSize)} uncompressed, more than the per-part limit of ${fmtBytes(lim.maxEntryBytes)}. It was refused without inflating.`,
          where,
        ),
      );
    }
    if (e.uncompressedSize > lim.ratioGraceBytes && e.uncompressedSize > lim.maxRatio * Math.max(e.compressedSize, 1)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
      problems.push(
        lintProblem(
          'compression_ratio',
          'error',
          `条目“${e.name}”的压缩比为 ${ratio}:1（${fmtBytes(e.compressedSize)} → ${fmtBytes(e.uncompressedSize)}），超过上限 ${lim.maxRatio}:1，是压缩炸弹的特征。文件未解压即被拒绝。`,
          `The entry "${e.name}" has a compression ratio of ${ratio}:1 (${fmtBytes(e.compressedSize)} → ${fmtBytes(e.uncompressedSize)}), above the limit of ${lim.maxRatio}:1 — the mark of a zip bomb. It was refused without inflating.`,
          where,
        ),
      );
    }
  });
  if (declaredTotal > lim.maxTotalBytes) {
    problems.push(
      lintProblem(
        'archive_too_large',
        'error',
        `压缩包声明解压后共 ${fmtBytes(declaredTotal)}，超过上限 ${fmtBytes(lim.maxTotalBytes)}。文件未解压即被拒绝。`,
        `The archive declares ${fmtBytes(declaredTotal)} uncompressed in total, more than the limit of ${fmtBytes(lim.maxTotalBytes)}. It was refused without inflating.`,
      ),
    );
  }

  // Local headers: present, naming the same entry, with the data inside the file and before the central directory.
  entries.forEach((e, i) => {
    const off = e.localHeaderOffset;
    if (!r.fits(off, 30)) {
      truncated(`the local header of "${e.name}" lies outside the file.`, `条目“${e.name}”的本地文件头超出了文件范围。`, e.name);
      return;
    }
    if (r.u32(off) !== SIG_LOCAL) {
      corrupt(`the central directory points to no local header for "${e.name}".`, `中央目录指向的位置没有条目“${e.name}”的本地文件头。`, e.name);
      return;
    }
    const nameLen = r.u16(off + 26);
    const extraLen = r.u16(off + 28);
    if (!r.fits(off + 30, nameLen) || !sameBytes(bytes.subarray(off + 30, off + 30 + nameLen), rawNames[i]!)) {
      // pizzip takes the name from the local header: a different name there would be a different file.
      corrupt(`the local header of "${e.name}" names a different file than the central directory.`, `条目“${e.name}”的本地文件头与中央目录记录的名称不同。`, e.name);
      return;
    }
    const dataOffset = off + 30 + nameLen + extraLen;
    if (dataOffset + e.compressedSize > r.length) {
      truncated(`the data of "${e.name}" runs past the end of the file.`, `条目“${e.name}”的数据超出了文件末尾。`, e.name);
      return;
    }
    if (dataOffset + e.compressedSize > cdOffset) {
      corrupt(`the data of "${e.name}" runs into the central directory.`, `条目“${e.name}”的数据与中央目录重叠。`, e.name);
      return;
    }
    e.dataOffset = dataOffset;
  });

  // Overlapping entries: several central-directory records sharing compressed data multiply the output.
  const placed = entries.filter((e) => e.dataOffset >= 0).sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1]!;
    const cur = placed[i]!;
    if (cur.localHeaderOffset < prev.dataOffset + prev.compressedSize) {
      problems.push(
        lintProblem(
          'zip_overlapping_entries',
          'error',
          `条目“${cur.name}”与“${prev.name}”的数据相互重叠。这是一种压缩炸弹的构造方式，Word 不会生成这样的文件。`,
          `The entries "${prev.name}" and "${cur.name}" overlap. Overlapping entries are a zip-bomb construction that Word never writes.`,
          { file: cur.name },
        ),
      );
    }
  }
  return done();
}

interface PakoInflateInstance {
  push(data: Uint8Array, flush: boolean): boolean;
  onData: (chunk: Uint8Array) => void;
  err: number;
  msg: string;
  ended: boolean;
}
// @types/pako omits the instance fields `ended`, `err` and `msg` that streaming inflation reads; this is the part used.
const Inflate = PakoInflate as unknown as new (options: { raw: boolean; chunkSize: number }) => PakoInflateInstance;

/** Output granularity of the inflater: the most it can overshoot the cap before it is stopped. */
export const INFLATE_CHUNK_BYTES = 64 * KiB;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type InflateResult =
  | { ok: true; data: Uint8Array }
  | {
      ok: false;
      problem: LintProblem;
      /** Bytes produced before the inflater was stopped or failed. */
      produced: number;
    };

const STOP = Symbol('inflate cap reached');

/**
 * Inflates one entry into a buffer of exactly its declared size (at most `cap`), counting bytes as the inflater
 * produces them: the moment the output would pass the declared size or the cap, inflating stops — a member whose
 * declared size lies is never fully inflated (at most one 64 KiB chunk past the cap is ever produced). Then checks
 * that the output has exactly the declared size and CRC-32.
 */
export function inflateChecked(bytes: Uint8Array, entry: ZipEntry, cap: number): InflateResult {
  const where = { file: entry.name };
  const fail = (code: string, zh: string, en: string, produced: number): InflateResult => ({ ok: false, problem: lintProblem(code, 'error', zh, en, where), produced });
  if (entry.dataOffset < 0 || entry.dataOffset + entry.compressedSize > bytes.length) {
    return fail('entry_corrupt', `条目“${entry.name}”的数据无法定位。`, `The data of "${entry.name}" cannot be located.`, 0);
  }
  if (entry.uncompressedSize > cap) {
    return fail(
      'entry_too_large',
      `条目“${entry.name}”声明解压后有 ${fmtBytes(entry.uncompressedSize)}，超过上限 ${fmtBytes(cap)}，未解压。`,
      `The entry "${entry.name}" declares ${fmtBytes(entry.uncompressedSize)} uncompressed, more than the cap of ${fmtBytes(cap)}; not inflated.`,
      0,
    );
  }
  const limit = entry.uncompressedSize;
  const input = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  let produced = 0;
  if (entry.method === 0) {
    if (input.length !== limit) {
      return fail('entry_size_mismatch', `条目“${entry.name}”的实际大小与声明不符。`, `The size of "${entry.name}" does not match its declared size.`, input.length);
    }
    out = input.slice();
    produced = out.length;
  } else if (entry.method === 8) {
    out = new Uint8Array(limit);
    const inflater = new Inflate({ raw: true, chunkSize: INFLATE_CHUNK_BYTES });
    inflater.onData = (chunk: Uint8Array) => {
      if (produced + chunk.length > limit) {
        produced += chunk.length;
        throw STOP;
      }
      out.set(chunk, produced);
      produced += chunk.length;
    };
    try {
      inflater.push(input, true);
    } catch (e) {
      if (e !== STOP) {
        return fail('entry_corrupt', `条目“${entry.name}”的压缩数据已损坏，无法解压。`, `The compressed data of "${entry.name}" is damaged and cannot be inflated (${e instanceof Error ? e.message : String(e)}).`, produced);
      }
      return fail(
        'inflate_limit_exceeded',
        `条目“${entry.name}”声明解压后只有 ${fmtBytes(limit)}，实际解压出的数据更多；解压在 ${fmtBytes(produced)} 处被中止。声明的大小是假的——这是压缩炸弹或损坏的文件。`,
        `The entry "${entry.name}" declares ${fmtBytes(limit)} uncompressed but inflates to more; inflating was stopped at ${fmtBytes(produced)}. Its declared size is false: a zip bomb or a damaged file.`,
        produced,
      );
    }
    if (inflater.err) {
      return fail('entry_corrupt', `条目“${entry.name}”的压缩数据已损坏，无法解压。`, `The compressed data of "${entry.name}" is damaged and cannot be inflated (${inflater.msg || `zlib status ${inflater.err}`}).`, produced);
    }
    if (!inflater.ended) {
      return fail('entry_corrupt', `条目“${entry.name}”的压缩数据不完整。`, `The compressed data of "${entry.name}" ends before its last block.`, produced);
    }
    if (produced !== limit) {
      return fail(
        'entry_size_mismatch',
        `条目“${entry.name}”声明解压后有 ${limit} 字节，实际只有 ${produced} 字节。`,
        `The entry "${entry.name}" declares ${limit} bytes uncompressed but inflates to ${produced}.`,
        produced,
      );
    }
  } else {
    return fail('zip_unsupported_method', `条目“${entry.name}”的压缩方式（${entry.method}）不受支持。`, `The compression method of "${entry.name}" (${entry.method}) is not supported.`, 0);
  }
  if (crc32(out) !== entry.crc32) {
    return fail('crc_mismatch', `条目“${entry.name}”的校验和（CRC-32）不符，文件已损坏。`, `The CRC-32 of "${entry.name}" does not match: the file is damaged.`, produced);
  }
  return { ok: true, data: out };
}
