// The section registries check themselves: ids, titles in both catalogues, citations, and templates carrying every marker.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { FILING_IDS } from '../src/core/filings/index.ts';
import { FILINGS } from '../src/core/filings/index.ts';
import { lookup } from '../src/core/i18n/catalogue.ts';
import { REGULATIONS } from '../src/core/regulations/documents.ts';
import { TemplateManifest } from '../src/templates/manifest.ts';
import { extractDocxMarkers } from '../src/render/docx/render-docx.ts';

describe('filing registry', () => {
  it('has the five filings, once each', () => {
    expect(FILINGS.map((f) => f.id).sort()).toEqual([...FILING_IDS].sort());
  });
});

describe.each(FILINGS.map((f) => [f.id, f] as const))('%s', (id, def) => {
  it('has unique, well-formed section ids', () => {
    const ids = def.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const sid of ids) expect(sid).toMatch(/^[a-z][a-z0-9_]{0,35}$/);
  });

  it('titles every section and the filing in zh-CN and en', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(lookup(lang, `filings.${id}.title`), `${lang} title`).toBeTruthy();
      for (const s of def.sections) expect(lookup(lang, `filings.${id}.sections.${s.id}`), `${lang} ${s.id}`).toBeTruthy();
    }
  });

  it('cites a known regulation for every section and keeps levels nested', () => {
    let prev = 0;
    for (const s of def.sections) {
      expect(s.citations.length, s.id).toBeGreaterThan(0);
      for (const c of s.citations) expect(Object.keys(REGULATIONS)).toContain(c.doc);
      if ((s.style ?? 'heading') === 'heading') {
        expect(s.level, `${s.id} skips a level`).toBeLessThanOrEqual(prev + 1);
        prev = s.level;
      }
      if (s.when) {
        expect(s.when.id).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(s.when.description.zh && s.when.description.en).toBeTruthy();
      }
    }
  });

  const versionDirs = readdirSync(join('templates', id), { withFileTypes: true }).filter((d) => d.isDirectory());
  it('has at least one published template version', () => {
    const manifests = versionDirs.map((d) => TemplateManifest.parse(JSON.parse(readFileSync(join('templates', id, d.name, 'manifest.json'), 'utf8'))));
    expect(manifests.some((m) => m.status === 'published')).toBe(true);
  });

  it.each(versionDirs.map((d) => d.name))('template %s carries every section marker in registry order', (version) => {
    const dir = join('templates', id, version);
    const manifest = TemplateManifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const zip = new PizZip(readFileSync(join(dir, manifest.files.docx.name)));
    const markers = extractDocxMarkers(zip.file('word/document.xml')!.asText());
    expect(markers).toEqual(def.sections.map((s) => s.id));
    const hbs = readFileSync(join(dir, manifest.files.html.name), 'utf8');
    const order = def.sections.map((s) => hbs.indexOf(`{{#if s_${s.id}}}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
