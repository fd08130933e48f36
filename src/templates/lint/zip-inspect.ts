// ZIP upload gate for DOCX templates, the project's limit policy: the central directory is read (zip-directory.ts)
// and every declared size, name, method and placement checked before anything is inflated; inflating itself
// (zip-inflate.ts) then holds each entry to its declared size with a running byte cap.
import { fmtBytes, hasErrors, lintProblem, type LintProblem } from './problem.ts';
import { readCentralDirectory, readLocalHeaders, readZipEnd, zipCorrupt, type ZipEntry } from './zip-directory.ts';

export type { ZipEntry } from './zip-directory.ts';

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

export interface ZipInspection {
  /** No error: the declared archive is within the limits and its structure is sound. */
  ok: boolean;
  entries: ZipEntry[];
  problems: LintProblem[];
}

/** Why an entry name is unsafe, or undefined: `..` segments, absolute paths, drive letters, backslashes, control characters. */
function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.split('/').some((seg) => seg === '..')) return '".." segment';
  return undefined;
}

/** Name, encryption and method of one entry. */
function checkEntryKind(e: ZipEntry, out: LintProblem[]): void {
  const where = { file: e.name };
  const why = unsafeEntryName(e.name);
  if (why) {
    out.push(
      lintProblem(
        'zip_unsafe_name',
        'error',
        `条目名称“${e.name}”像文件路径（${why}）。DOCX 部件名不能含“..”、以“/”或盘符开头或含反斜杠。`,
        `The entry name "${e.name}" is path-like (${why}). DOCX part names never contain "..", start with "/" or a drive letter, or use backslashes.`,
        { ...where, tag: e.name },
      ),
    );
  }
  if (e.flags & 0x1) out.push(lintProblem('zip_encrypted', 'error', `条目“${e.name}”已加密。模板不能加密或设置打开密码。`, `The entry "${e.name}" is encrypted. Templates must not be encrypted or password-protected.`, where));
  if (e.method !== 0 && e.method !== 8) {
    out.push(
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
    out.push(zipCorrupt(`the stored entry "${e.name}" declares ${e.compressedSize} bytes stored but ${e.uncompressedSize} bytes of content.`, `未压缩条目“${e.name}”的存储大小与内容大小不一致。`, e.name));
  }
}

/** Declared size and ratio of one entry. */
function checkEntrySize(e: ZipEntry, lim: ZipLimits, out: LintProblem[]): void {
  const where = { file: e.name };
  if (e.uncompressedSize > lim.maxEntryBytes) {
    out.push(
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
    out.push(
      lintProblem(
        'compression_ratio',
        'error',
        `条目“${e.name}”的压缩比为 ${ratio}:1（${fmtBytes(e.compressedSize)} → ${fmtBytes(e.uncompressedSize)}），超过上限 ${lim.maxRatio}:1，是压缩炸弹的特征。文件未解压即被拒绝。`,
        `The entry "${e.name}" has a compression ratio of ${ratio}:1 (${fmtBytes(e.compressedSize)} → ${fmtBytes(e.uncompressedSize)}), above the limit of ${lim.maxRatio}:1 — the mark of a zip bomb. It was refused without inflating.`,
        where,
      ),
    );
  }
}

/** Every entry on its own, duplicates and the declared total. */
function checkEntries(entries: readonly ZipEntry[], lim: ZipLimits, out: LintProblem[]): void {
  const seen = new Set<string>();
  let declaredTotal = 0;
  for (const e of entries) {
    checkEntryKind(e, out);
    const key = e.name.toLowerCase();
    if (seen.has(key)) {
      out.push(
        lintProblem(
          'zip_duplicate_entry',
          'error',
          `条目“${e.name}”出现了不止一次（不区分大小写）。不同的程序会读到不同的内容，因此不予接受。`,
          `The entry "${e.name}" occurs more than once (ignoring case). Different readers would pick different copies, so the archive is refused.`,
          { file: e.name },
        ),
      );
    }
    seen.add(key);
    declaredTotal += e.uncompressedSize;
    checkEntrySize(e, lim, out);
  }
  if (declaredTotal > lim.maxTotalBytes) {
    out.push(
      lintProblem(
        'archive_too_large',
        'error',
        `压缩包声明解压后共 ${fmtBytes(declaredTotal)}，超过上限 ${fmtBytes(lim.maxTotalBytes)}。文件未解压即被拒绝。`,
        `The archive declares ${fmtBytes(declaredTotal)} uncompressed in total, more than the limit of ${fmtBytes(lim.maxTotalBytes)}. It was refused without inflating.`,
      ),
    );
  }
}

/** Several central-directory records sharing compressed data multiply the output (the non-recursive zip bomb). */
function checkOverlaps(entries: readonly ZipEntry[], out: LintProblem[]): void {
  const placed = entries.filter((e) => e.dataOffset >= 0).sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1]!;
    const cur = placed[i]!;
    if (cur.localHeaderOffset < prev.dataOffset + prev.compressedSize) {
      out.push(
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
}

/**
 * Reads the archive's structure without inflating anything and checks it against the limits: magic bytes, end of
 * central directory (ZIP64 included), entry count (before the entries are read), every entry's declared sizes and
 * ratio, names, methods, encryption, local headers agreeing with the central directory, and overlapping entries.
 */
export function inspectZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipInspection {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const stop = (problem: LintProblem): ZipInspection => ({ ok: false, entries: [], problems: [problem] });
  const end = readZipEnd(bytes);
  if ('code' in end) return stop(end);
  if (end.total > lim.maxEntries) {
    return stop(
      lintProblem(
        'too_many_entries',
        'error',
        `压缩包声明了 ${end.total} 个条目，超过上限 ${lim.maxEntries}。正常的 Word 模板只有几十个部件；文件未解压即被拒绝。`,
        `The archive declares ${end.total} entries, more than the limit of ${lim.maxEntries}. A Word template has a few dozen parts; the file was refused without inflating anything.`,
      ),
    );
  }
  const dir = readCentralDirectory(bytes, end);
  if ('code' in dir) return stop(dir);
  const problems: LintProblem[] = [];
  checkEntries(dir.entries, lim, problems);
  problems.push(...readLocalHeaders(bytes, dir));
  checkOverlaps(dir.entries, problems);
  return { ok: !hasErrors(problems), entries: dir.entries, problems };
}
