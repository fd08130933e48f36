// FONT_DIR: licensed official fonts dropped into a folder win over the stand-ins. A face renamed to the official
// Latin family (Times New Roman) stands in for a licensed font: the service resolves the Latin role to it as official,
// and an English PDF embeds it; unless PDF_EMBED_FONTS is on, when every PDF carries the stand-ins' slices instead
// (the glyphs a Worker prints), whatever the machine has installed.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { pdfFonts, pdfText, tempDir } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';
import { testServices } from './support/services.ts';

const RENAME = `
import fontforge, sys
f = fontforge.open(sys.argv[1])
f.familyname = "Times New Roman"; f.fullname = "Times New Roman"; f.fontname = "TimesNewRomanPSMT"
for key, value in (("Family", "Times New Roman"), ("SubFamily", "Regular"), ("Fullname", "Times New Roman"), ("PostScriptName", "TimesNewRomanPSMT")):
    f.appendSFNTName("English (US)", key, value)
f.generate(sys.argv[2])
`;

let services: NodeRenderServices;
let embedding: NodeRenderServices;
beforeAll(async () => {
  const dir = tempDir('font-dir');
  const source = execFileSync('fc-match', ['--format', '%{file}', 'Liberation Serif:style=Regular'], { encoding: 'utf8' });
  execFileSync('fontforge', ['-lang=py', '-c', RENAME, source, join(dir, 'times.ttf')], { stdio: 'ignore' });
  services = await testServices({ FONT_DIR: dir });
  embedding = await testServices({ FONT_DIR: dir, PDF_EMBED_FONTS: 'true' });
}, 120_000);
afterAll(() => Promise.all([services?.close(), embedding?.close()]));

it('resolves a type role to the official family FONT_DIR holds, and prints with it', async () => {
  const resolved = Object.fromEntries(services.fonts.resolved.map((f) => [f.role, f]));
  expect(resolved.latin).toMatchObject({ family: 'Times New Roman', kind: 'official' });
  expect(resolved.body).toMatchObject({ family: 'FandolFang', kind: 'stand-in' });

  const sample = samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!;
  const r = await renderFiling(services, { filingId: 'acceptance-extension', format: 'pdf', locale: 'en', input: sample.input, version: '1.1.0' });
  const names = pdfFonts(r.bytes).map((f) => f.name);
  expect(names.some((n) => /TimesNewRoman/.test(n))).toBe(true);
  expect(names.some((n) => /LiberationSerif/.test(n))).toBe(false);
}, 120_000);

it('prints with the embedded stand-ins instead when PDF_EMBED_FONTS is on', async () => {
  // What prints is the slices: the report of the fonts (PDF metadata, glyph check) says so.
  expect(embedding.fonts.resolved.find((f) => f.role === 'latin')).toMatchObject({ family: 'Liberation Serif', kind: 'stand-in' });
  const sample = samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!;
  const pdf = async (locale: 'en' | 'zh-CN') => (await renderFiling(embedding, { filingId: 'acceptance-extension', format: 'pdf', locale, input: sample.input, version: '1.1.0' })).bytes;
  const english = pdfFonts(await pdf('en')).map((f) => f.name);
  expect(english.some((n) => /LiberationSerif/.test(n))).toBe(true);
  expect(english.some((n) => /TimesNewRoman/.test(n))).toBe(false);
  const chinese = await pdf('zh-CN');
  const fandol = pdfFonts(chinese).filter((f) => /Fandol/.test(f.name));
  expect(fandol.map((f) => f.name.split('+')[1])).toContain('FandolFang-Regular');
  expect(fandol.every((f) => f.embedded && f.subset && f.type === 'CID TrueType')).toBe(true);
  expect(pdfText(chinese).replace(/\s+/g, '')).toContain('延期验收');
}, 180_000);
