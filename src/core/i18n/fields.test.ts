// Every field of every filing's input, and of the project page, has a title in zh-CN and en, and every enumerated
// value a label: the forms and GET /v1/filings/{id} never show a bare property name.
import { describe, expect, it } from 'vitest';
import { FILINGS } from '../filings/index.ts';
import { describeJsonSchema, inputJsonSchema, visitFields } from '../filings/json-schema.ts';
import { ProjectFacts } from '../workbench/project.ts';
import { fieldHelp, fieldTitle, optionLabel } from './fields.ts';

const SCHEMAS = [...FILINGS.map((f) => [f.id, f.schema] as const), ['*', ProjectFacts] as const];

describe('field catalogues', () => {
  it.each(SCHEMAS)('%s: every field has a title and every option a label in both languages', (scope, schema) => {
    const missing: string[] = [];
    let fields = 0;
    visitFields(inputJsonSchema(schema), ({ path, options }) => {
      fields++;
      for (const lang of ['zh-CN', 'en'] as const) {
        if (!fieldTitle(scope, path, lang)) missing.push(`${lang} title ${path}`);
        for (const o of options) if (!optionLabel(scope, path, o, lang)) missing.push(`${lang} option ${path}=${String(o)}`);
      }
    });
    expect(missing).toEqual([]);
    expect(fields).toBeGreaterThan(20);
  });

  it('prefers a path of the filing, then a shared path, then the property name', () => {
    expect(fieldTitle('acceptance-extension', 'project.name', 'zh-CN')).toBe('项目名称');
    expect(fieldTitle('acceptance-extension', 'approval.docNo', 'en')).toBe('Number of the approval');
    expect(fieldTitle('acceptance-report', 'approvals.*.docNo', 'zh-CN')).toBe('文号');
    expect(fieldHelp('project-proposal', 'project.code', 'en')).toMatch(/2019-000052-65-01-000001/);
    expect(optionLabel('feasibility-study', 'tendering.packages.*.scope', 'none', 'zh-CN')).toBe('不采用招标方式');
    expect(optionLabel('project-proposal', 'requirements.sharing.catalogue.*.shareType', 'none', 'zh-CN')).toBe('不予共享');
  });

  it('puts titles, help and option labels into the JSON Schema in the language asked for', () => {
    const def = FILINGS.find((f) => f.id === 'acceptance-extension')!;
    const schema = describeJsonSchema(inputJsonSchema(def.schema), def.id, 'en') as { properties: Record<string, { title?: string; properties?: Record<string, { title?: string; description?: string; 'x-enumLabels'?: Record<string, string> }> }> };
    expect(schema.properties.requestedDate!.title).toBe('Requested date');
    expect(schema.properties.project!.properties!.code!.description).toMatch(/approval platform/);
    expect(schema.properties.project!.properties!.type!['x-enumLabels']).toMatchObject({ new: 'New construction', rebuild: 'Rebuild' });
    const zh = describeJsonSchema(inputJsonSchema(def.schema), def.id, 'zh-CN') as typeof schema;
    expect(zh.properties.project!.title).toBe('项目');
  });
});
