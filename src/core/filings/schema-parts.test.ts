// The shared schema pieces: text that cannot be stored in a DOCX is refused in every free-text field, with its path.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DocNumber, ShortText } from './schema-parts.ts';
import { toFieldIssues } from '../validation.ts';

const Doc = z.strictObject({ docNo: DocNumber, title: ShortText });

describe('XML-invalid characters', () => {
  it('are refused in a document number as in any other text, at the field', () => {
    const r = Doc.safeParse({ docNo: '发改\u0001〔2019〕57号', title: { zh: '标题\u0008', en: 'Title' } });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : toFieldIssues(r.error.issues);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/docNo', 'invalid_characters'],
      ['/title/zh', 'invalid_characters'],
    ]);
  });

  it('let ordinary numbers and text through', () => {
    expect(Doc.safeParse({ docNo: '发改高技〔2019〕57号', title: '标题' }).success).toBe(true);
  });
});
