// The template versions kept in the repository: templates/<filing>/<version>/ with a manifest.json each.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateManifest } from '../../templates/manifest.ts';

/** Every `<root>/<filing>/<version>` folder, sorted. */
export function templateVersionDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  const dirs: string[] = [];
  for (const filing of readdirSync(root, { withFileTypes: true })) {
    if (!filing.isDirectory()) continue;
    for (const version of readdirSync(join(root, filing.name), { withFileTypes: true })) if (version.isDirectory()) dirs.push(join(root, filing.name, version.name));
  }
  return dirs.sort();
}

/** The folder's manifest, or why it cannot be read. */
export function readManifest(dir: string): { ok: true; manifest: TemplateManifest } | { ok: false; error: string } {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return { ok: false, error: `${path} is missing` };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, error: `${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = TemplateManifest.safeParse(raw);
  return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, error: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

/** As readManifest, but a bad manifest is a startup error. */
export function requireManifest(dir: string): TemplateManifest {
  const r = readManifest(dir);
  if (!r.ok) throw new Error(r.error);
  return r.manifest;
}
