// The fonts the browser prints with: a fontconfig file that adds the project's stand-ins (.fonts/) and a deployment's
// licensed fonts (FONT_DIR, which win), what each type role resolves to, and which characters any font can draw.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { FONT_ROLE_LIST, resolveRole, type FontReport, type ResolvedFont } from '../../render/fonts.ts';
import { coverageOf } from '../../render/glyphs.ts';

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface FontSetup {
  /** FONTCONFIG_FILE for the processes that lay out documents (Chromium; LibreOffice in the tests). */
  configFile: string;
  env: Record<string, string>;
}

/**
 * Writes a fontconfig file into `dir`: the system configuration, then FONT_DIR (licensed official fonts) and the
 * project's .fonts/ folder. With `aliases`, the official DOCX names map to the stand-ins, as a recipient's office
 * suite substitutes them (for LibreOffice; the browser is never given aliases, so what it reports is what it used).
 */
export function writeFontConfig(opts: { dir: string; fontDir?: string | undefined; projectFonts?: string; aliases?: boolean }): FontSetup {
  mkdirSync(opts.dir, { recursive: true });
  const dirs = [opts.fontDir, opts.projectFonts ?? '.fonts'].filter((d): d is string => !!d && existsSync(d)).map((d) => resolve(d));
  const aliases = opts.aliases
    ? FONT_ROLE_LIST.filter((r) => r.role !== 'latin')
        .flatMap((r) => r.official.map((name) => `  <alias binding="same"><family>${xml(name)}</family><accept>${r.standIn.map((s) => `<family>${xml(s)}</family>`).join('')}</accept></alias>`))
        .join('\n')
    : '';
  const conf =
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n' +
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
    dirs.map((d) => `  <dir>${xml(d)}</dir>\n`).join('') +
    `  <cachedir>${xml(resolve(opts.dir, 'cache'))}</cachedir>\n` +
    (aliases ? `${aliases}\n` : '') +
    '</fontconfig>\n';
  const configFile = join(resolve(opts.dir), opts.aliases ? 'fonts-aliases.conf' : 'fonts.conf');
  writeFileSync(configFile, conf);
  return { configFile, env: { FONTCONFIG_FILE: configFile } };
}

function fcList(setup: FontSetup, format: string): string {
  return execFileSync('fc-list', ['--format', format], { encoding: 'utf8', env: { ...process.env, ...setup.env }, maxBuffer: 64 << 20 });
}

/** Families fontconfig knows (every name of every face, lower case). */
function installedFamilies(setup: FontSetup): Set<string> {
  const names = new Set<string>();
  for (const line of fcList(setup, '%{family}\n').split('\n')) for (const n of line.split(',')) if (n.trim()) names.add(n.trim().toLowerCase());
  return names;
}

/** Sorted, merged code point ranges that at least one installed font covers (fontconfig's charsets). */
function coverageRanges(setup: FontSetup): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const line of fcList(setup, '%{charset}\n').split('\n')) {
    for (const part of line.trim().split(/\s+/)) {
      const m = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part);
      if (m) ranges.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** What the roles resolve to and which characters can be drawn, read once at start. */
export function createFontReport(setup: FontSetup): FontReport {
  const installed = installedFamilies(setup);
  const resolved: ResolvedFont[] = FONT_ROLE_LIST.map((r) => resolveRole(r.role, installed));
  const ranges = Uint32Array.from(coverageRanges(setup).flat());
  return { resolved, covers: coverageOf(ranges), ranges };
}
