// ZIP archives of finished documents (packages, previews): fixed entry dates so the same documents give the same bytes.
import PizZip from 'pizzip';
import { FIXED_ZIP_DATE } from './docx/docx-package.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const zip = new PizZip();
  for (const e of entries) zip.file(e.name, e.data, { date: FIXED_ZIP_DATE, ...(typeof e.data === 'string' ? {} : { binary: true }) });
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
