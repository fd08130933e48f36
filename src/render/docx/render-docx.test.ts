import { describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { compileDocx, openTemplate, renderDocx, templateProblems, extractDocxText, dottedParser } from './render-docx.ts';
import { W_NS } from './ooxml.ts';
import { isAppError } from '../../core/errors.ts';
import type { DocView } from '../../core/filings/index.ts';

function template(paragraphs: string[]): Uint8Array {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')}<w:sectPr></w:sectPr></w:body></w:document>`);
  return zip.generate({ type: 'uint8array' });
}

const props = { title: 't', subject: 's', keywords: 'k', language: 'zh-CN', date: '2026-11-22', custom: { FilingId: 'x' } };
const view = (extra: Record<string, unknown>) => ({ doc: { title: 'T' }, order: [], ...extra }) as unknown as DocView;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('renderDocx', () => {
  it('reports every template error at once, with tag and explanation', () => {
    const e = caught(() => openTemplate(template(['{#a}{/b}', '{#c}{/d}', 'stray } brace'])));
    expect(isAppError(e) && e.code).toBe('template_invalid');
    const problems = (e as { details: { problems: unknown[] } }).details.problems;
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('fails on a tag the view does not have instead of printing "undefined"', () => {
    const e = caught(() => renderDocx(compileDocx(template(['{doc.title}', '{doc.missing}'])), view({}), props));
    expect(isAppError(e) && e.code).toBe('template_invalid');
    expect(JSON.stringify((e as { details: unknown }).details)).toContain('doc.missing');
  });

  it('never reaches the prototype from a tag', () => {
    for (const tag of ['constructor', '__proto__', 'doc.constructor', 'doc.title.length', 'toString']) {
      const e = caught(() => renderDocx(compileDocx(template([`{${tag}}`])), view({}), props));
      expect(isAppError(e) && e.code, tag).toBe('template_invalid');
    }
    expect(dottedParser('a.b').get({ a: { b: 1 } })).toBe(1);
    expect(dottedParser('a.length').get({ a: 'abc' })).toBeUndefined();
  });

  it('keeps caller text inert: XML and template syntax come out literally', () => {
    const hostile = '</w:t></w:r><w:r><w:t>INJECT {#x}{/x} {@raw} {{constructor.constructor}} & "quotes"';
    const out = renderDocx(compileDocx(template(['{doc.title}'])), view({ doc: { title: hostile } }), props);
    const xml = new PizZip(out.bytes).file('word/document.xml')!.asText();
    expect(xml).not.toContain('<w:t>INJECT');
    expect(extractDocxText(xml)).toBe(hostile);
  });

  it('gives the same bytes for the same input', () => {
    const a = renderDocx(compileDocx(template(['{doc.title}'])), view({ doc: { title: '同一输入' } }), props).bytes;
    const b = renderDocx(compileDocx(template(['{doc.title}'])), view({ doc: { title: '同一输入' } }), props).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('renders many times from one compiled template, each render as if it were the first', () => {
    const compiled = compileDocx(template(['{doc.title}', '{#doc.items}{.}；{/doc.items}']));
    const once = (title: string, items: string[], draft = false) => renderDocx(compiled, view({ doc: { title, items, ...(draft ? { draft: true } : {}) } }), props).bytes;
    const fresh = (title: string, items: string[], draft = false) => renderDocx(compileDocx(template(['{doc.title}', '{#doc.items}{.}；{/doc.items}'])), view({ doc: { title, items, ...(draft ? { draft: true } : {}) } }), props).bytes;
    const a = once('甲', ['一', '二']);
    const b = once('乙', ['三'], true);
    // A render that fails leaves nothing behind either.
    expect(isAppError(caught(() => renderDocx(compiled, view({ doc: { title: '丙' } }), props)))).toBe(true);
    const again = once('甲', ['一', '二']);
    expect(Buffer.from(again).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(fresh('甲', ['一', '二'])))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(fresh('乙', ['三'], true)))).toBe(true);
    const zip = new PizZip(again);
    expect(extractDocxText(zip.file('word/document.xml')!.asText())).toBe('甲\n一；二；');
    // The draft's watermark stayed with the draft.
    expect(zip.file('word/headerDraft.xml')).toBeNull();
    expect(new PizZip(b).file('word/headerDraft.xml')).not.toBeNull();
  });

  it('maps a file that is not a zip to template_invalid', () => {
    const e = caught(() => openTemplate(new TextEncoder().encode('%PDF-1.7 not a docx')));
    expect(isAppError(e) && e.code).toBe('template_invalid');
    const c = caught(() => compileDocx(new TextEncoder().encode('%PDF-1.7 not a docx')));
    expect(isAppError(c) && c.code).toBe('template_invalid');
    expect(templateProblems(new Error('x'))[0]!.explanation).toBe('x');
  });
});
