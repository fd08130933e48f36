// DEFLATE and CRC-32 from node:zlib for the ZIPs the service writes: several times faster than the JavaScript ones.
// The bytes are reproducible for a given Node build (its zlib may compress differently from pako or another build).
import { crc32, deflateRawSync } from 'node:zlib';
import type { Deflater } from '../../render/zip.ts';

export const NODE_DEFLATER: Deflater = {
  deflateRaw: (data) => deflateRawSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};
