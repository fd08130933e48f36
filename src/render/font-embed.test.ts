// The slice selection of embedded fonts: which slices a document's text needs per type role (bold apart), the
// unicode-range each inlined face declares, the characters no slice holds, the families renamed, and that the same
// document gives the same bytes every time.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.ts';
import { cachedSliceSource, embedFonts, embeddedFamily, inlineFonts, sliceFontReport, unicodeRange, type FontSliceSource, type SliceManifest } from './font-embed.ts';

const face = (family: string, style: string, slices: Record<string, string>) => ({
  id: `${family}-${style}`.toLowerCase().replace(/\s+/g, '-'),
  family,
  style,
  source: `${family}.ttf`,
  slices: Object.entries(slices).map(([name, ranges]) => ({ name, file: `${family}-${style}/${name}.woff2`.toLowerCase().replace(/\s+/g, '-'), ranges, bytes: 100 })),
});

// 一 4e00, 丁 4e01 | 丐 4e10 | 国 56fd | — 2014; A–Z, digits in the Latin slices.
const MANIFEST: SliceManifest = {
  format: 1,
  faces: [
    face('FandolFang', 'Regular', { common: '20-7e,4e00-4e01,2014', rare: '4e10', far: '56fd' }),
    face('FandolHei', 'Regular', { common: '20-7e,4e00-4e01', rare: '4e10' }),
    face('FandolHei', 'Bold', { common: '20-7e,4e00-4e01', rare: '4e10' }),
    face('FandolSong', 'Regular', { common: '20-7e,2014' }),
    face('FandolKai', 'Regular', { common: '20-7e,4e00-4e01' }),
    face('Liberation Serif', 'Regular', { latin: '20-7e,2014' }),
    face('Noto Sans', 'Regular', { everything: '20-ffff' }),
  ],
};

function source(manifest = MANIFEST): FontSliceSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    manifest: async () => manifest,
    slice: async (file) => {
      reads.push(file);
      return btoa(`wOF2:${file}`);
    },
  };
}

const STYLE = `<style>
:root { --fangsong: "仿宋_GB2312", "FandolFang", "Times New Roman", serif; --hei: 黑体, "FandolHei", sans-serif; }
html { font-family: var(--fangsong); }
h1 { font-family: var(--hei); font-weight: normal; }
.lang-en :is(h1, h2) { font-family: "Times New Roman", var(--hei); font-weight: bold; }
@page { @bottom-right { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; } }
</style>`;
const doc = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">${STYLE}</head><body>${body}</body></html>`;
const files = (r: Awaited<ReturnType<typeof embedFonts>>) => r.slices.map((s) => s.slice.file).sort();

describe('embedded font slices', () => {
  it('inlines, per role, only the slices holding the characters that role draws', async () => {
    const r = await embedFonts(doc('<p>一丁</p><h1>丐</h1>'), source());
    expect(files(r)).toEqual([
      // Body text (一丁) and what h1 inherits (丐); the page numbers' digits and dashes from the 宋体 role.
      'fandolfang-regular/common.woff2',
      'fandolfang-regular/rare.woff2',
      'fandolhei-regular/rare.woff2',
      'fandolsong-regular/common.woff2',
    ]);
    // h1 is set normal by the author's rule: no bold face; Noto Sans is no role's face and is never used.
    expect(r.slices.some((s) => s.face.style === 'Bold' || s.face.family === 'Noto Sans')).toBe(false);
    expect(r.missing).toEqual([]);
  });

  it('adds the bold face for text set bold', async () => {
    const r = await embedFonts(doc('<div class="lang-en"><h1>Plan 丐</h1></div>'), source());
    expect(files(r)).toContain('fandolhei-bold/common.woff2');
    expect(files(r)).toContain('fandolhei-bold/rare.woff2');
    expect(files(r)).toContain('liberation-serif-regular/latin.woff2');
  });

  it('declares each inlined slice with its family, weight and exact unicode-range', async () => {
    const r = await embedFonts(doc('<p>丐</p>'), source());
    const data = btoa('wOF2:fandolfang-regular/rare.woff2');
    const rule = r.html.split('\n').find((line) => line.includes(data));
    expect(rule).toBeDefined();
    expect(rule).toContain(`font-family: "${embeddedFamily('body')}"`);
    expect(rule).toContain('font-weight: 400; font-style: normal');
    expect(rule).toMatch(/unicode-range: U\+4e10; \}$/);
    expect(rule).toMatch(/^@font-face \{ font-family: "embedded-body"; src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\);/);
    expect(unicodeRange('20-7e,4e00-4e01,2014')).toBe('U+20-7e, U+4e00-4e01, U+2014');
  });

  it('renames every role family of the style sheets and style attributes, and nothing else', async () => {
    const r = await embedFonts(doc('<p style="font-family: &quot;楷体_GB2312&quot;, FandolKai">一</p><p class="FandolFang">丁</p>'), source());
    const sheets = [...r.html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    expect(sheets).toContain('--fangsong: "embedded-body", "embedded-body", "embedded-latin", serif;');
    expect(sheets).toContain('--hei: "embedded-hei", "embedded-hei", sans-serif;');
    expect(sheets).toContain('font-family: "embedded-song", "embedded-song", serif;');
    expect(sheets).not.toMatch(/仿宋_GB2312|"FandolFang"|黑体|宋体|SimSun|Times New Roman/);
    expect(r.html).toContain('<p style="font-family: &quot;embedded-kai&quot;, &quot;embedded-kai&quot;">一</p>');
    expect(r.html).toContain('<p class="FandolFang">丁</p>');
    // The inlined faces open the head, before the document's own style sheet.
    expect(r.html.indexOf('@font-face')).toBeLessThan(r.html.indexOf('--fangsong'));
  });

  it('reports the characters no slice of their roles holds', async () => {
    const r = await embedFonts(doc('<p>一𠀀Ω</p><h1>国</h1>'), source());
    // 国 is in the body face (h1 inherits the body role); 𠀀 and Ω are in no role's slices.
    expect(r.missing).toEqual([0x3a9, 0x20000]);
  });

  it('gives the same document the same bytes, whatever order the slices arrive in', async () => {
    const html = doc('<p>一丁丐国</p><div class="lang-en"><h1>Plan</h1></div>');
    const slow: FontSliceSource = { manifest: async () => MANIFEST, slice: (file) => new Promise((done) => setTimeout(() => done(btoa(file)), file.includes('common') ? 20 : 0)) };
    const fast: FontSliceSource = { manifest: async () => MANIFEST, slice: async (file) => btoa(file) };
    const [a, b] = await Promise.all([embedFonts(html, slow), embedFonts(html, fast)]);
    expect(a.html).toBe(b.html);
    expect((await embedFonts(html, fast)).html).toBe(a.html);
  });

  it('leaves a document without role fonts as it was, but for the (empty) face list', async () => {
    const html = '<!DOCTYPE html><html><head><style>p { font-family: Arial }</style></head><body><p>x</p></body></html>';
    const r = await embedFonts(html, source());
    expect(r.slices).toEqual([]);
    expect(r.html).toBe(html.replace('<head>', '<head><style>\n\n</style>'));
    expect(r.missing).toEqual(['x'.codePointAt(0)]);
  });

  it('reports, for the glyph check, the characters some slice holds and each role’s stand-in', () => {
    const report = sliceFontReport(MANIFEST);
    expect(['一', '丐', '国', 'A', '—'].every((c) => report.covers(c.codePointAt(0)!))).toBe(true);
    // Noto Sans is no role's face: what only it holds is not drawable.
    expect(report.covers('Ω'.codePointAt(0)!)).toBe(false);
    expect(report.covers(0x20000)).toBe(false);
    expect(Object.fromEntries(report.resolved.map((r) => [r.role, r.kind === 'stand-in' ? r.family : r.kind]))).toEqual({ body: 'FandolFang', title: 'fallback', hei: 'FandolHei', kai: 'FandolKai', song: 'FandolSong', latin: 'Liberation Serif' });
  });

  it('answers slices it cannot read as a retryable renderer_unavailable, telling the caller nothing of where they are', async () => {
    const broken: FontSliceSource = { manifest: async () => MANIFEST, slice: async (file) => Promise.reject(new Error(`ENOENT: /srv/fonts/${file}`)) };
    const e: unknown = await inlineFonts(doc('<p>一</p>'), broken).catch((x: unknown) => x);
    expect(isAppError(e) && { code: e.code, details: e.details }).toEqual({ code: 'renderer_unavailable', details: { retryAfterSeconds: 5 } });
  });

  it('gives a selector that would take too long to match the benefit of the doubt', async () => {
    // No <section> above the paragraph: a matcher trying every way 25 of its 60 ancestors could be the divs would
    // never finish; past its step budget the rule counts, so its role gets the characters (more slices, never fewer).
    const deep = `${'<div>'.repeat(60)}<p>一</p>${'</div>'.repeat(60)}`;
    const crafted = `<style>section ${'div '.repeat(25)}p { font-family: "楷体" }</style>`;
    const r = await embedFonts(doc(deep).replace('</head>', `${crafted}</head>`), source());
    expect(files(r)).toContain('fandolkai-regular/common.woff2');
  });

  it('reads each slice once while it is kept, and again after it was let go', async () => {
    const inner = source();
    const cached = cachedSliceSource(inner, 150);
    await embedFonts(doc('<p>一</p>'), cached);
    await embedFonts(doc('<p>一</p>'), cached);
    expect(inner.reads.filter((f) => f === 'fandolfang-regular/common.woff2')).toHaveLength(1);
    // Two more slices (about 48 characters each) past the bound of 150 push the first out.
    await embedFonts(doc('<p>丐国</p>'), cached);
    await embedFonts(doc('<p>一</p>'), cached);
    expect(inner.reads.filter((f) => f === 'fandolfang-regular/common.woff2')).toHaveLength(2);
  });
});
