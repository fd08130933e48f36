// Inflates one ZIP entry under a running byte cap, then checks its size and CRC-32 (crc-32): an entry whose declared
// size lies is stopped as soon as its output passes it, never inflated in full. The inflater is pako's streaming one
// (the zlib port pizzip itself ships): it hands its output over in fixed chunks, so the cap holds to one chunk.
// (fflate's streaming inflater returns the whole output of each pushed slice at once; holding it to a cap takes
// input slices so small that a 45 MiB part inflates 3-8 times slower, measured.)
import { Inflate as PakoInflate } from 'pako';
import CRC32 from 'crc-32';
import { fmtBytes, lintProblem, type LintProblem } from './problem.ts';
import type { ZipEntry } from './zip-directory.ts';

/** Output granularity of the inflater: the most it can produce past the cap before it is stopped. */
export const INFLATE_OVERSHOOT_BYTES = 64 * 1024;

export type InflateResult =
  | { ok: true; data: Uint8Array }
  | {
      ok: false;
      problem: LintProblem;
      /** Bytes produced before the inflater was stopped or failed. */
      produced: number;
    };

interface PakoInflateInstance {
  push(data: Uint8Array, flush: boolean): boolean;
  onData: (chunk: Uint8Array) => void;
  err: number;
  msg: string;
  ended: boolean;
}
// @types/pako omits the instance fields `ended`, `err` and `msg` that streaming inflation reads; this is the part used.
const Inflate = PakoInflate as unknown as new (options: { raw: boolean; chunkSize: number }) => PakoInflateInstance;

const STOP = Symbol('inflate cap reached');

/** CRC-32 of some bytes, unsigned (crc-32 returns it signed). */
export const crc32 = (data: Uint8Array): number => CRC32.buf(data) >>> 0;

interface Inflated {
  produced: number;
  /** STOP when the output passed the declared size; otherwise why the data does not inflate. */
  error?: typeof STOP | string;
}

/** Inflates `input` into `out`, stopping the moment the output would not fit. */
function inflateInto(input: Uint8Array, out: Uint8Array): Inflated {
  let produced = 0;
  const inflater = new Inflate({ raw: true, chunkSize: INFLATE_OVERSHOOT_BYTES });
  inflater.onData = (chunk: Uint8Array) => {
    if (produced + chunk.length > out.length) {
      produced += chunk.length;
      throw STOP;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  };
  try {
    inflater.push(input, true);
  } catch (e) {
    return { produced, error: e === STOP ? STOP : e instanceof Error ? e.message : String(e) };
  }
  if (inflater.err) return { produced, error: inflater.msg || `zlib status ${inflater.err}` };
  if (!inflater.ended) return { produced, error: 'the data ends before its last block' };
  return { produced };
}

/**
 * Inflates one entry into a buffer of exactly its declared size (at most `cap`), counting bytes as the inflater
 * produces them: the moment the output would pass the declared size, inflating stops (at most
 * INFLATE_OVERSHOOT_BYTES are ever produced past it). Then checks that the output has exactly the declared size and
 * CRC-32.
 */
export function inflateChecked(bytes: Uint8Array, entry: ZipEntry, cap: number): InflateResult {
  const where = { file: entry.name };
  const fail = (code: string, zh: string, en: string, produced: number): InflateResult => ({ ok: false, problem: lintProblem(code, 'error', zh, en, where), produced });
  const damaged = (why: string, produced: number) =>
    fail('entry_corrupt', `条目“${entry.name}”的压缩数据已损坏，无法解压。`, `The compressed data of "${entry.name}" is damaged and cannot be inflated (${why}).`, produced);
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
  if (entry.method === 0) {
    if (input.length !== limit) return fail('entry_size_mismatch', `条目“${entry.name}”的实际大小与声明不符。`, `The size of "${entry.name}" does not match its declared size.`, input.length);
    out = input.slice();
  } else if (entry.method === 8) {
    out = new Uint8Array(limit);
    const r = inflateInto(input, out);
    if (r.error === STOP) {
      return fail(
        'inflate_limit_exceeded',
        `条目“${entry.name}”声明解压后只有 ${fmtBytes(limit)}，实际解压出的数据更多；解压在 ${fmtBytes(r.produced)} 处被中止。声明的大小是假的——这是压缩炸弹或损坏的文件。`,
        `The entry "${entry.name}" declares ${fmtBytes(limit)} uncompressed but inflates to more; inflating was stopped at ${fmtBytes(r.produced)}. Its declared size is false: a zip bomb or a damaged file.`,
        r.produced,
      );
    }
    if (r.error !== undefined) return damaged(r.error, r.produced);
    if (r.produced !== limit) {
      return fail(
        'entry_size_mismatch',
        `条目“${entry.name}”声明解压后有 ${limit} 字节，实际只有 ${r.produced} 字节。`,
        `The entry "${entry.name}" declares ${limit} bytes uncompressed but inflates to ${r.produced}.`,
        r.produced,
      );
    }
  } else {
    return fail('zip_unsupported_method', `条目“${entry.name}”的压缩方式（${entry.method}）不受支持。`, `The compression method of "${entry.name}" (${entry.method}) is not supported.`, 0);
  }
  if (crc32(out) !== entry.crc32) return fail('crc_mismatch', `条目“${entry.name}”的校验和（CRC-32）不符，文件已损坏。`, `The CRC-32 of "${entry.name}" does not match: the file is damaged.`, out.length);
  return { ok: true, data: out };
}
