// ZIP archives written by the service (DOCX packages, document packages, previews): fixed entry dates and no extra
// fields, so the same entries give the same bytes; the DEFLATE step is injected, so a runtime can use its native one.
import pako from 'pako';

/** Raw DEFLATE and CRC-32 of a byte string: Node passes node:zlib; the default is plain JavaScript. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** pako at zlib's default level: the same bytes on every runtime, slower than a native deflate. */
export const JS_DEFLATER: Deflater = { deflateRaw: (data) => pako.deflateRaw(data, { level: 6 }), crc32 };

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** An entry already compressed (e.g. a template part that no render changes), stored as it is. */
export interface StoredEntry {
  name: string;
  crc32: number;
  size: number;
  method: 0 | 8;
  data: Uint8Array;
}

/** 2020-02-01 00:00:00 as a DOS date and time: every entry carries it, whatever the clock or the time zone. */
const DOS_DATE = ((2020 - 1980) << 9) | (2 << 5) | 1;
const DOS_TIME = 0;
const utf8 = new TextEncoder();

/** Compresses one entry (small or incompressible data is stored, as zip tools do). */
export function compressEntry(entry: ZipEntry, deflater: Deflater): StoredEntry {
  const raw = typeof entry.data === 'string' ? utf8.encode(entry.data) : entry.data;
  const crc = deflater.crc32(raw);
  if (raw.length === 0) return { name: entry.name, crc32: crc, size: 0, method: 0, data: raw };
  const packed = deflater.deflateRaw(raw);
  return packed.length < raw.length ? { name: entry.name, crc32: crc, size: raw.length, method: 8, data: packed } : { name: entry.name, crc32: crc, size: raw.length, method: 0, data: raw };
}

function header(signature: number, e: StoredEntry, name: Uint8Array, central: boolean, offset: number): Uint8Array {
  const b = new Uint8Array((central ? 46 : 30) + name.length);
  const v = new DataView(b.buffer);
  let p = 0;
  const u16 = (x: number) => (v.setUint16(p, x, true), (p += 2));
  const u32 = (x: number) => (v.setUint32(p, x >>> 0, true), (p += 4));
  u32(signature);
  if (central) u16(20); // made by: MS-DOS, ZIP 2.0
  u16(20); // needed to extract: 2.0
  u16(/[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0); // bit 11: the name is UTF-8
  u16(e.method);
  u16(DOS_TIME);
  u16(DOS_DATE);
  u32(e.crc32);
  u32(e.data.length);
  u32(e.size);
  u16(name.length);
  u16(0); // extra field length
  if (central) {
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  b.set(name, p);
  return b;
}

/** Writes stored entries in the order given (ZIP 2.0, no ZIP64: every part and the whole stay under 4 GiB). */
export function writeStoredZip(entries: readonly StoredEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8.encode(e.name);
    const local = header(0x04034b50, e, name, false, 0);
    centrals.push(header(0x02014b50, e, name, true, offset));
    locals.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const centralSize = centrals.reduce((a, c) => a + c.length, 0);
  if (offset + centralSize > 0xfffffffe || entries.length > 0xffff) throw new RangeError('archive too large for ZIP 2.0');
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function writeZip(entries: readonly ZipEntry[], deflater: Deflater = JS_DEFLATER): Uint8Array {
  return writeStoredZip(entries.map((e) => compressEntry(e, deflater)));
}
