// The embedded fonts' slices on Workers: the Worker's static assets (the ASSETS binding of wrangler.toml's [assets],
// uploaded from .fonts/slices by `wrangler deploy`, served offline by `wrangler dev`), read on demand and kept in the
// isolate's memory while it lives.
import { Buffer } from 'node:buffer';
import { cachedSliceSource, type FontSliceSource, type SliceManifest } from '../../render/font-embed.ts';
import type { AssetsBinding } from './bindings.ts';

export function assetsSliceSource(assets: AssetsBinding, maxChars?: number): FontSliceSource {
  const get = async (file: string): Promise<Response> => {
    // The host is a placeholder: the binding answers from the uploaded files, never from the network.
    const res = await assets.fetch(new Request(`https://assets.invalid/${file.split('/').map(encodeURIComponent).join('/')}`));
    if (!res.ok) throw new Error(`font asset ${file}: ${res.status}`);
    return res;
  };
  return cachedSliceSource(
    {
      manifest: async () => (await (await get('manifest.json')).json()) as SliceManifest,
      slice: async (file) => Buffer.from(await (await get(file)).arrayBuffer()).toString('base64'),
    },
    maxChars,
  );
}
