// Reads a ZIP archive's structure without inflating anything: the end record (ZIP64 included), the central
// directory and every entry's local header. What the reading finds wrong is reported; judging sizes is zip-inspect's.
import { lintProblem, type LintProblem } from './problem.ts';

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

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every entry's data must end before it. */
  cdOffset: number;
  /** The names as raw bytes, to compare with the local headers (pizzip reads those). */
  rawNames: Uint8Array[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

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

/** Problems of the structure itself: corrupt (inconsistent) or truncated (cut short). */
export const zipCorrupt = (en: string, zh: string, file?: string): LintProblem =>
  lintProblem('zip_corrupt', 'error', `ZIP 结构损坏：${zh}`, `The ZIP structure is corrupt: ${en}`, file !== undefined ? { file } : {});
const zipTruncated = (en: string, zh: string, file?: string): LintProblem =>
  lintProblem('zip_truncated', 'error', `文件不完整：${zh}`, `The file is incomplete: ${en}`, file !== undefined ? { file } : {});
const splitArchive = (file?: string): LintProblem =>
  lintProblem('zip_unsupported', 'error', '这是分卷 ZIP 文件，不受支持。请上传单个 .docx 文件。', 'This is a multi-volume (split) ZIP archive, which is not supported. Upload a single .docx file.', file !== undefined ? { file } : {});

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

function notAZip(bytes: Uint8Array): LintProblem {
  const pdf = bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  return lintProblem(
    'not_a_zip',
    'error',
    `文件不是 DOCX（ZIP）格式：开头不是 ZIP 文件签名 "PK\\x03\\x04"${pdf ? '，看起来是 PDF 文件' : ''}。请在 Word/WPS 中另存为 .docx 后上传。`,
    `The file is not a DOCX (ZIP) package: it does not start with the ZIP signature "PK\\x03\\x04"${pdf ? ' (it looks like a PDF)' : ''}. Save it as .docx in Word/WPS and upload that.`,
  );
}

/**
 * The last occurrence of a signature at or after `floor`, searching back from the end as pizzip (the renderer's
 * reader) does: a signature later than the one this reader uses would give pizzip another archive.
 */
function lastSignature(r: Reader, sig: number, floor: number): number {
  for (let i = r.length - 4; i >= Math.max(0, floor); i--) if (r.bytes[i] === 0x50 && r.u32(i) === sig) return i;
  return -1;
}

/** What the end record (or the ZIP64 end record it points to) says about the central directory. */
export interface ZipEnd {
  total: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory ends: right before the end record, or the ZIP64 end record before it. */
  cdLimit: number;
}

/** The end of the archive, or the problem that stops reading it. */
export function readZipEnd(bytes: Uint8Array): ZipEnd | LintProblem {
  const r = new Reader(bytes);
  if (!(r.length >= 4 && r.u32(0) === SIG_LOCAL)) return notAZip(bytes);
  const eocd = lastSignature(r, SIG_EOCD, r.length - 22 - U16_MAX);
  if (eocd < 0 || eocd + 22 > r.length) {
    return lintProblem(
      'zip_truncated',
      'error',
      '文件不完整：找不到 ZIP 的中央目录结束记录，文件可能在上传或复制时被截断。',
      'The file is incomplete: the ZIP end-of-central-directory record is missing, so the file was probably cut short while uploading or copying.',
    );
  }
  if (eocd + 22 + r.u16(eocd + 20) !== r.length) {
    return zipCorrupt('the last end-of-central-directory signature does not end the file (a comment holding a signature, or bytes after the record); readers would disagree on where the archive is.', '最后一个中央目录结束签名并不在文件末尾（注释中含有签名，或记录后还有数据），不同的 ZIP 阅读程序会读出不同的内容。');
  }
  let end = { disk: r.u16(eocd + 4), cdDisk: r.u16(eocd + 6), onDisk: r.u16(eocd + 8), total: r.u16(eocd + 10), cdSize: r.u32(eocd + 12), cdOffset: r.u32(eocd + 16), cdLimit: eocd };
  if (end.total === U16_MAX || end.onDisk === U16_MAX || end.cdSize === U32_MAX || end.cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (!r.fits(loc, 20) || r.u32(loc) !== SIG_ZIP64_LOCATOR) return zipCorrupt('the end record points to a ZIP64 directory but there is no ZIP64 locator.', '结束记录指向 ZIP64 目录，但找不到 ZIP64 定位记录。');
    if (lastSignature(r, SIG_ZIP64_LOCATOR, loc) !== loc) return zipCorrupt('a second ZIP64 locator signature follows the real one.', 'ZIP64 定位记录之后又出现了一个定位签名。');
    const rec = r.u64(loc + 8);
    if (!r.fits(rec, 56) || r.u32(rec) !== SIG_ZIP64_EOCD) return zipCorrupt('the ZIP64 end record is missing or outside the file.', 'ZIP64 结束记录缺失或超出文件范围。');
    if (rec + 12 + r.u64(rec + 4) !== loc) return zipCorrupt('the ZIP64 end record does not end where its locator begins.', 'ZIP64 结束记录与其定位记录之间有空隙或重叠。');
    end = { disk: r.u32(rec + 16), cdDisk: r.u32(rec + 20), onDisk: r.u64(rec + 24), total: r.u64(rec + 32), cdSize: r.u64(rec + 40), cdOffset: r.u64(rec + 48), cdLimit: rec };
  }
  if (end.disk !== 0 || end.cdDisk !== 0 || end.onDisk !== end.total) return splitArchive();
  return { total: end.total, cdSize: end.cdSize, cdOffset: end.cdOffset, cdLimit: end.cdLimit };
}

/** ZIP64 extended information: only the fields whose 32-bit value is saturated, in this order. */
function zip64Sizes(r: Reader, from: number, extraLen: number, e: { compressedSize: number; uncompressedSize: number; localHeaderOffset: number }): boolean {
  const extraEnd = from + extraLen;
  for (let q = from; q + 4 <= extraEnd; q += 4 + r.u16(q + 2)) {
    if (r.u16(q) !== 0x0001) continue;
    let f = q + 4;
    const fEnd = Math.min(f + r.u16(q + 2), extraEnd);
    if (e.uncompressedSize === U32_MAX && f + 8 <= fEnd) {
      e.uncompressedSize = r.u64(f);
      f += 8;
    }
    if (e.compressedSize === U32_MAX && f + 8 <= fEnd) {
      e.compressedSize = r.u64(f);
      f += 8;
    }
    if (e.localHeaderOffset === U32_MAX && f + 8 <= fEnd) e.localHeaderOffset = r.u64(f);
    return true;
  }
  return false;
}

/** The central directory's entries, after `readZipEnd` said where it is; or the problem that stops reading. */
export function readCentralDirectory(bytes: Uint8Array, end: ZipEnd): ZipDirectory | LintProblem {
  const r = new Reader(bytes);
  const { total, cdSize, cdOffset } = end;
  if (cdOffset + cdSize > r.length) return zipTruncated('the central directory runs past the end of the file.', '中央目录超出了文件末尾。');
  // Exactly up to the end record: a gap makes pizzip take the archive as shifted ("bytes prepended") and read another.
  if (cdOffset + cdSize !== end.cdLimit || total * 46 > cdSize) return zipCorrupt('the central directory does not end where the end record begins.', '中央目录的位置或大小与结束记录不符。');
  const entries: ZipEntry[] = [];
  const rawNames: Uint8Array[] = [];
  const cdEnd = cdOffset + cdSize;
  let p = cdOffset;
  for (let k = 0; k < total; k++) {
    if (p + 46 > cdEnd || r.u32(p) !== SIG_CENTRAL) return zipCorrupt(`central directory entry ${k + 1} of ${total} is missing or damaged.`, `中央目录第 ${k + 1}/${total} 项缺失或损坏。`);
    const flags = r.u16(p + 8);
    const [nameLen, extraLen, commentLen] = [r.u16(p + 28), r.u16(p + 30), r.u16(p + 32)];
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) return zipCorrupt(`central directory entry ${k + 1} runs past the directory.`, `中央目录第 ${k + 1} 项超出了目录范围。`);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = decodeName(rawName, (flags & 0x800) !== 0);
    const sizes = { compressedSize: r.u32(p + 20), uncompressedSize: r.u32(p + 24), localHeaderOffset: r.u32(p + 42) };
    const saturated = sizes.uncompressedSize === U32_MAX || sizes.compressedSize === U32_MAX || sizes.localHeaderOffset === U32_MAX;
    if (saturated && !zip64Sizes(r, p + 46 + nameLen, extraLen, sizes)) {
      return zipCorrupt(`entry "${name}" has saturated sizes but no ZIP64 field.`, `条目“${name}”的大小字段溢出，却没有 ZIP64 扩展字段。`, name);
    }
    const diskStart = r.u16(p + 34);
    if (diskStart !== 0 && diskStart !== U16_MAX) return splitArchive(name);
    entries.push({ name, method: r.u16(p + 10), flags, crc32: r.u32(p + 16), ...sizes, dataOffset: -1, isDirectory: name.endsWith('/') });
    rawNames.push(rawName);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, cdOffset, rawNames };
}

/**
 * Local headers: present, naming the same entry, with the data inside the file and before the central directory.
 * Sets `dataOffset` of every entry whose header is sound; returns the problems of the others.
 */
export function readLocalHeaders(bytes: Uint8Array, dir: ZipDirectory): LintProblem[] {
  const r = new Reader(bytes);
  const problems: LintProblem[] = [];
  dir.entries.forEach((e, i) => {
    const off = e.localHeaderOffset;
    if (!r.fits(off, 30)) return problems.push(zipTruncated(`the local header of "${e.name}" lies outside the file.`, `条目“${e.name}”的本地文件头超出了文件范围。`, e.name));
    if (r.u32(off) !== SIG_LOCAL) return problems.push(zipCorrupt(`the central directory points to no local header for "${e.name}".`, `中央目录指向的位置没有条目“${e.name}”的本地文件头。`, e.name));
    const nameLen = r.u16(off + 26);
    const extraLen = r.u16(off + 28);
    if (!r.fits(off + 30, nameLen) || !sameBytes(bytes.subarray(off + 30, off + 30 + nameLen), dir.rawNames[i]!)) {
      // Readers that take the name from the local header would see a different file.
      return problems.push(zipCorrupt(`the local header of "${e.name}" names a different file than the central directory.`, `条目“${e.name}”的本地文件头与中央目录记录的名称不同。`, e.name));
    }
    const dataOffset = off + 30 + nameLen + extraLen;
    if (dataOffset + e.compressedSize > r.length) return problems.push(zipTruncated(`the data of "${e.name}" runs past the end of the file.`, `条目“${e.name}”的数据超出了文件末尾。`, e.name));
    if (dataOffset + e.compressedSize > dir.cdOffset) return problems.push(zipCorrupt(`the data of "${e.name}" runs into the central directory.`, `条目“${e.name}”的数据与中央目录重叠。`, e.name));
    e.dataOffset = dataOffset;
    return undefined;
  });
  return problems;
}
