// The embedded fonts' slices on Node: the files set-up cut into .fonts/slices (scripts/slice-fonts.py), read on demand.
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { cachedSliceSource, type FontSliceSource, type SliceManifest } from '../../render/font-embed.ts';

const DEFAULT_SLICES_DIR = '.fonts/slices';

export function fileSliceSource(dir = DEFAULT_SLICES_DIR): FontSliceSource {
  const root = resolve(dir);
  // The names come from the manifest, but a name never leads out of the folder.
  const inside = (file: string) => {
    const path = resolve(root, file);
    if (!path.startsWith(root + sep)) throw new Error(`font slice outside ${dir}: ${file}`);
    return path;
  };
  return cachedSliceSource({
    manifest: async () => JSON.parse(await readFile(inside('manifest.json'), 'utf8')) as SliceManifest,
    slice: async (file) => (await readFile(inside(file))).toString('base64'),
  });
}
