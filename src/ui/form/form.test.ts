// The generated form gives back what it was given: every sample of every filing, rendered as the workbench renders it
// and submitted as a browser would, decodes to the same input (after the schema's defaults); and the codec's rules.
import { describe, expect, it } from 'vitest';
import { FILINGS, filingById } from '../../core/filings/index.ts';
import { inputJsonSchema, objectBranches } from '../../core/filings/json-schema.ts';
import { mergeDraft, splitInput, ProjectFacts } from '../../core/workbench/project.ts';
import { formEntries } from '../../../test/support/form-entries.ts';
import { samplesOf } from '../../../test/support/samples.ts';
import { decodeForm } from './codec.ts';
import { filingSections, projectSections } from './filing-form.ts';
import type { RenderCtx } from './render-fields.ts';

const ctx = (scope: string): RenderCtx => ({ scope, lang: 'zh-CN', errors: new Map(), suffix: '', off: false });
const render = (id: string, data: unknown) => filingSections(filingById(id)!, data, ctx(id)).map((s) => s.body.toString()).join('');

describe('form round trip', () => {
  const cases = FILINGS.flatMap((f) => samplesOf(f.id).map((s) => [f.id, s.name, s.input] as const));
  it.each(cases)('%s / %s: rendered and submitted, the form gives the sample back', (id, _name, sample) => {
    const def = filingById(id)!;
    const { project, data } = splitInput(sample);
    const decoded = decodeForm(formEntries(render(id, data)));
    const back = def.schema.safeParse(mergeDraft({ project }, decoded));
    expect(back.success ? [] : back.error.issues.slice(0, 5)).toEqual([]);
    expect(back.data).toEqual(def.schema.parse(sample));
  });

  it('the project page gives the project block and milestones back', () => {
    const sample = samplesOf('acceptance-report')[0]!.input as { project: unknown };
    const data = { project: sample.project, milestones: { approval: { date: '2024-03-01', docNo: '发改高技〔2024〕12号' }, contractSignings: [{ name: '系统开发合同', date: '2024-05-06' }], completion: '2025-10-30' } };
    const html = projectSections(data, ctx('*')).map((s) => s.body.toString()).join('');
    expect(ProjectFacts.parse(decodeForm(formEntries(html)))).toEqual(ProjectFacts.parse(data));
  });

  it('covers every key of every filing with exactly one part of its form, under one of its sections', () => {
    for (const def of FILINGS) {
      const sections = new Set(def.sections.map((s) => s.id));
      for (const branch of objectBranches(inputJsonSchema(def.schema))) {
        const variant = (branch.properties as Record<string, { const?: unknown }>).kind?.const;
        const parts = (def.form ?? []).filter((p) => p.variant === undefined || p.variant === variant);
        for (const p of parts) expect(sections.has(p.section), `${def.id}: ${p.section}`).toBe(true);
        const keys = parts.flatMap((p) => p.keys);
        expect(new Set(keys).size, `${def.id} keys listed once`).toBe(keys.length);
        for (const key of Object.keys(branch.properties as object).filter((k) => k !== 'project')) {
          const covered = keys.includes(key) || keys.some((k) => k.startsWith(`${key}.`));
          expect(covered, `${def.id}: ${key}`).toBe(true);
        }
      }
    }
  });
});

describe('form codec', () => {
  it('leaves empty fields out, keeps wrong numbers as text, pairs English lines with Chinese ones', () => {
    const v = decodeForm([
      ['o:/a', ''],
      ['t:/a/empty', '  '],
      ['n:/a/n', '1,234.50'],
      ['n:/a/bad', '12元'],
      ['lz:/p', '第一段\n\n第二段'],
      ['le:/p', 'First\n'],
      ['bz:/name', '名称'],
      ['be:/name', ''],
      ['a:/rows', ''],
      ['o:/rows/0', ''],
      ['t:/rows/0/x', 'r1'],
      ['c:/flag', 'false'],
      ['c:/flag', 'true'],
      ['j:/kind', '"annual"'],
      ['v:/level', '3'],
    ]);
    expect(v).toEqual({ a: { n: 1234.5, bad: '12元' }, p: [{ zh: '第一段', en: 'First' }, '第二段'], name: '名称', rows: [{ x: 'r1' }], flag: true, kind: 'annual', level: 3 });
  });

  it('reads full-width digits and gives an empty list for a table without rows', () => {
    expect(decodeForm([['n:/x', '１２．５'], ['a:/rows', '']])).toEqual({ x: 12.5, rows: [] });
  });
});
