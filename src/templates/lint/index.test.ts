// lintTemplateVersion: both files at once, and every template version committed under templates/ lints clean.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filingById } from '../../core/filings/index.ts';
import { TemplateManifest } from '../manifest.ts';
import { buildDocxTemplate } from '../build/docx-template.ts';
import { buildHtmlTemplate } from '../build/html-template.ts';
import { lintTemplateVersion } from './index.ts';

const ROOT = 'templates';
const versions = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((f) =>
    readdirSync(join(ROOT, f.name), { withFileTypes: true })
      .filter((v) => v.isDirectory() && existsSync(join(ROOT, f.name, v.name, 'manifest.json')))
      .map((v) => join(ROOT, f.name, v.name)),
  );

describe('committed template versions', () => {
  it('there are some', () => {
    expect(versions.length).toBeGreaterThanOrEqual(5);
  });

  it.each(versions)('%s lints clean (DOCX and HTML, sections in force on its effective date)', (dir) => {
    const m = TemplateManifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const filing = filingById(m.filing)!;
    const docx = new Uint8Array(readFileSync(join(dir, m.files.docx.name)));
    const html = readFileSync(join(dir, m.files.html.name), 'utf8');
    expect(lintTemplateVersion({ filing, docx, html, date: m.effectiveFrom })).toEqual({ ok: true, problems: [] });
    // …and against the whole registry (no date): a template must also carry the sections not yet in force.
    expect(lintTemplateVersion({ filing, docx, html }).problems).toEqual([]);
  });
});

describe('lintTemplateVersion', () => {
  const filing = filingById('performance-evaluation')!;
  const docx = buildDocxTemplate(filing, { version: '1.0.0', title: 't' });
  const html = buildHtmlTemplate(filing);

  it('combines the problems of both files; warnings alone keep it ok', () => {
    const bad = lintTemplateVersion({ filing, docx: new TextEncoder().encode('%PDF-1.7'), html: html.replace('<body', '{{{doc.title}}}<body') });
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => [p.code, p.file])).toEqual([
      ['not_a_zip', undefined],
      ['unescaped_output', 'performance-evaluation.hbs'],
    ]);
    const warned = lintTemplateVersion({ filing, docx, html: html.replace('<body', '{{doc.draft}}<body') });
    expect(warned).toEqual({ ok: true, problems: [expect.objectContaining({ code: 'not_a_value', severity: 'warning' })] });
  });

  it('lints one file alone, refuses none at all and a malformed date', () => {
    expect(lintTemplateVersion({ filing, html })).toEqual({ ok: true, problems: [] });
    expect(lintTemplateVersion({ filing, docx })).toEqual({ ok: true, problems: [] });
    expect(lintTemplateVersion({ filing }).problems.map((p) => p.code)).toEqual(['no_template_files']);
    expect(lintTemplateVersion({ filing, html, date: '2026/01/01' }).problems.map((p) => p.code)).toEqual(['invalid_date']);
  });

  it('passes limits through', () => {
    const r = lintTemplateVersion({ filing, docx, limits: { maxEntries: 3 } });
    expect(r.problems.map((p) => p.code)).toEqual(['too_many_entries']);
  });

  it('every problem carries a code, a severity and both languages', () => {
    const r = lintTemplateVersion({ filing, docx: new Uint8Array(10), html: '{{> (x)}}{{{y}}}<script src="http://a"></script>' });
    for (const p of r.problems) {
      expect(p.code).toMatch(/^[a-z0-9_]+$/);
      expect(['error', 'warning']).toContain(p.severity);
      expect(p.explanation.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.explanation.en.length).toBeGreaterThan(10);
    }
  });
});
