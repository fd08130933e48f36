// PDFs that carry their own fonts: the stand-in faces, cut at set-up into unicode-range WOFF2 slices, are inlined into
// the HTML as data: URLs under families of their own, only the slices the document's characters need, so the browser
// that prints (Browser Rendering on Workers, or Chromium on Node) needs no CJK font and draws the same glyphs anywhere.
import type { DefaultTreeAdapterMap } from 'parse5';
import { AppError } from '../core/errors.ts';
import { FONT_ROLE_LIST, type FontReport, type FontRole, type ResolvedFont } from './fonts.ts';
import { fontUsage, parseDocument, renameFamilies, styleSheets, type FontUsage, type RoleUse } from './font-usage.ts';
import { coverageOf } from './glyphs.ts';

/** The slices' manifest (scripts/slice-fonts.py): every face with its slices and the code points each holds. */
export interface SliceManifest {
  format: 1;
  faces: SliceFace[];
}

export interface SliceFace {
  id: string;
  family: string;
  /** The face's style name: Regular, Bold, Italic, Bold Italic. */
  style: string;
  source: string;
  slices: Array<{ name: string; file: string; ranges: string; bytes: number }>;
}

/** Where the slices are read from: files on Node, the Worker's static assets on Workers. */
export interface FontSliceSource {
  manifest(): Promise<SliceManifest>;
  /** One slice's WOFF2 bytes, base64-encoded (the form a data: URL takes). */
  slice(file: string): Promise<string>;
}

/** The family a role is embedded under: a name no installed font has, so only the embedded slices can serve it. */
export const embeddedFamily = (role: FontRole): string => `embedded-${role}`;

type Variant = keyof RoleUse;
const variantOf = (style: string): Variant => {
  const bold = /bold|black|heavy/i.test(style);
  const italic = /italic|oblique/i.test(style);
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
};

/** A slice's code points as sorted [first, last] runs. */
function parseRanges(ranges: string): Array<[number, number]> {
  return ranges.split(',').map((part) => {
    const [a, b] = part.split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

/** The CSS unicode-range of a slice. */
export const unicodeRange = (ranges: string): string => parseRanges(ranges).map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(', ');

export interface SliceChoice {
  role: FontRole;
  face: SliceFace;
  variant: Variant;
  slice: SliceFace['slices'][number];
}

interface IndexedFace {
  face: SliceFace;
  role: FontRole;
  variant: Variant;
  slices: Array<{ slice: SliceFace['slices'][number]; runs: Array<[number, number]> }>;
  /** Every run of every slice, sorted, with the slice it belongs to: [first, last, slice index]. */
  lookup: Array<[number, number, number]>;
}

/** The slice of a face that holds a code point (its index), or -1. */
function sliceOf(face: IndexedFace, cp: number): number {
  const runs = face.lookup;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, i] = runs[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return i;
  }
  return -1;
}

/** Manifests already indexed (a source hands out the one manifest it read, so this is worked out once). */
const INDEXED = new WeakMap<SliceManifest, IndexedFace[]>();

/** The manifest's faces by the role whose stand-in family they are (faces of other families are left out). */
function indexManifest(manifest: SliceManifest): IndexedFace[] {
  const known = INDEXED.get(manifest);
  if (known) return known;
  const out: IndexedFace[] = [];
  for (const face of manifest.faces) {
    for (const def of FONT_ROLE_LIST) {
      if (!def.standIn.some((f) => f.toLowerCase() === face.family.toLowerCase())) continue;
      const slices = face.slices.map((slice) => ({ slice, runs: parseRanges(slice.ranges) }));
      const lookup = slices.flatMap((sl, i) => sl.runs.map(([a, b]): [number, number, number] => [a, b, i])).sort((x, y) => x[0] - y[0]);
      out.push({ face, role: def.role, variant: variantOf(face.style), slices, lookup });
    }
  }
  INDEXED.set(manifest, out);
  return out;
}

export interface SliceSelection {
  slices: SliceChoice[];
  /** Characters the document draws that no slice of any role that may draw them holds (code points, sorted). */
  missing: number[];
}

/**
 * The slices a document needs: for each role, the slices of its regular face that hold a character the role draws,
 * and of its bold/italic faces those that hold a character it sets bold/italic (a face the role lacks is synthesised
 * from the regular one by the browser, as on Node).
 */
function selectSlices(faces: readonly IndexedFace[], usage: FontUsage): SliceSelection {
  const chosen: SliceChoice[] = [];
  for (const f of faces) {
    const chars = usage.roles.get(f.role)?.[f.variant];
    if (!chars?.size) continue;
    const needed = new Set<number>();
    for (const cp of chars) needed.add(sliceOf(f, cp));
    needed.delete(-1);
    // In the manifest's order (by frequency), whatever order the characters came in.
    for (const i of [...needed].sort((x, y) => x - y)) chosen.push({ role: f.role, face: f.face, variant: f.variant, slice: f.slices[i]!.slice });
  }
  const regular = faces.filter((f) => f.variant === 'regular');
  const missing = [...usage.chars]
    .filter(([cp]) => cp !== 0x20 && cp !== 0xa0)
    .filter(([cp, roles]) => !regular.some((f) => roles.has(f.role) && sliceOf(f, cp) >= 0))
    .map(([cp]) => cp)
    .sort((a, b) => a - b);
  return { slices: chosen, missing };
}

const WEIGHT: Record<Variant, string> = { regular: '400', bold: '700', italic: '400', boldItalic: '700' };
const STYLE: Record<Variant, string> = { regular: 'normal', bold: 'normal', italic: 'italic', boldItalic: 'italic' };

/** Each slice's unicode-range, written once. */
const RANGES = new WeakMap<SliceChoice['slice'], string>();

function fontFaceRule(choice: SliceChoice, base64: string): string {
  let range = RANGES.get(choice.slice);
  if (range === undefined) RANGES.set(choice.slice, (range = unicodeRange(choice.slice.ranges)));
  return `@font-face { font-family: "${embeddedFamily(choice.role)}"; src: url(data:font/woff2;base64,${base64}) format("woff2"); font-weight: ${WEIGHT[choice.variant]}; font-style: ${STYLE[choice.variant]}; font-display: block; unicode-range: ${range}; }`;
}

export interface EmbeddedFonts {
  html: string;
  slices: SliceChoice[];
  /** Bytes of font data inlined (WOFF2, before base64). */
  fontBytes: number;
  missing: number[];
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The document with its font families renamed to the embedded ones and the slices it needs inlined in its head. */
export async function embedFonts(html: string, source: FontSliceSource): Promise<EmbeddedFonts> {
  const doc = parseDocument(html);
  const usage = fontUsage(doc);
  const { slices, missing } = selectSlices(indexManifest(await source.manifest()), usage);
  const data = await Promise.all(slices.map((s) => source.slice(s.slice.file)));
  const css = slices.map((s, i) => fontFaceRule(s, data[i]!)).join('\n');
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const sheet of styleSheets(doc)) {
    const renamed = renameFamilies(sheet.css, embeddedFamily);
    if (renamed !== sheet.css) edits.push({ start: sheet.start, end: sheet.end, text: renamed });
  }
  for (const el of allElements(doc)) {
    const style = el.attrs.find((a) => a.name === 'style');
    const at = el.sourceCodeLocation?.attrs?.style;
    if (!style || !at) continue;
    const renamed = renameFamilies(`x{${style.value}}`, embeddedFamily).slice(2, -1);
    if (renamed !== style.value) edits.push({ start: at.startOffset, end: at.endOffset, text: `style="${escapeAttr(renamed)}"` });
  }
  const all = allElements(doc);
  const head = all.find((e) => e.tagName === 'head')?.sourceCodeLocation?.startTag;
  edits.push({ start: head?.endOffset ?? 0, end: head?.endOffset ?? 0, text: `<style>\n${css}\n</style>` });
  // A web font loads when the document's text asks for it; the page margin boxes (page numbers) are laid out only as
  // the pages print, too late to load theirs, and would print blank. Unseen text in their fonts loads them first.
  const pageRoles = usage.page.roles.filter((r) => slices.some((s) => s.role === r));
  if (usage.page.text && pageRoles.length) {
    const body = all.find((e) => e.tagName === 'body')?.sourceCodeLocation?.startTag;
    const spans = pageRoles.map((r) => `<span style="font-family: &quot;${embeddedFamily(r)}&quot;">${escapeText(usage.page.text)}</span>`).join('');
    const at = body?.endOffset ?? html.length;
    edits.push({ start: at, end: at, text: `<div aria-hidden="true" style="position: absolute; width: 0; height: 0; overflow: hidden">${spans}</div>` });
  }
  let out = html;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { html: out, slices, fontBytes: slices.reduce((n, s) => n + s.slice.bytes, 0), missing };
}

function allElements(node: DefaultTreeAdapterMap['parentNode']): Array<DefaultTreeAdapterMap['element']> {
  const out: Array<DefaultTreeAdapterMap['element']> = [];
  for (const child of node.childNodes) {
    if ('tagName' in child) out.push(child, ...allElements(child));
  }
  return out;
}

/**
 * What the roles resolve to and which characters can be drawn when PDFs carry the slices: each role its stand-in
 * (when the manifest has a face of it), and the characters some slice holds. The glyph check reads this, so a
 * character no slice holds is reported and replaced, as one no installed font draws is on Node.
 */
export function sliceFontReport(manifest: SliceManifest): FontReport {
  const faces = indexManifest(manifest);
  const resolved: ResolvedFont[] = FONT_ROLE_LIST.map((def) => {
    const face = faces.find((f) => f.role === def.role && f.variant === 'regular');
    return face ? { role: def.role, family: face.face.family, kind: 'stand-in' } : { role: def.role, family: null, kind: 'fallback' };
  });
  const runs = faces.flatMap((f) => f.slices.flatMap((s) => s.runs)).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of runs) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const ranges = Uint32Array.from(merged.flat());
  return { resolved, covers: coverageOf(ranges), ranges };
}

/** The document to print with its fonts inlined; a source that cannot be read is a retryable renderer_unavailable. */
export async function inlineFonts(html: string, source: FontSliceSource): Promise<string> {
  try {
    return (await embedFonts(html, source)).html;
  } catch (e) {
    throw new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 所嵌入的字体暂不可读，请稍后重试。', en: 'The fonts PDFs embed cannot be read now; retry shortly.' }, details: { retryAfterSeconds: 5 }, cause: e });
  }
}

/** A source that reads the manifest once and keeps the slices it read, up to `maxChars` of base64 (oldest out first). */
export function cachedSliceSource(source: FontSliceSource, maxChars = 48 << 20): FontSliceSource {
  let manifest: Promise<SliceManifest> | undefined;
  const slices = new Map<string, Promise<string>>();
  const sizes = new Map<string, number>();
  let held = 0;
  const evict = () => {
    for (const [file, size] of sizes) {
      if (held <= maxChars) break;
      sizes.delete(file);
      slices.delete(file);
      held -= size;
    }
  };
  return {
    manifest: () => {
      manifest ??= source.manifest().catch((e: unknown) => {
        manifest = undefined;
        throw e;
      });
      return manifest;
    },
    slice: (file) => {
      const hit = slices.get(file);
      if (hit) return hit;
      const read = source.slice(file);
      slices.set(file, read);
      read.then(
        (b64) => {
          if (slices.get(file) !== read) return;
          sizes.set(file, b64.length);
          held += b64.length;
          evict();
        },
        () => slices.delete(file),
      );
      return read;
    },
  };
}
