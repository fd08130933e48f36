import { describe, expect, it } from 'vitest';
import { assertOutput, findOutputProblems } from './verify-output.ts';
import { isAppError } from '../core/errors.ts';

const base = { format: 'docx' as const, markers: ['a', 'b', 'c'], required: ['a', 'b', 'c'], text: 'fine text', inputStrings: () => [] };

describe('findOutputProblems', () => {
  it('accepts complete output', () => {
    expect(findOutputProblems(base)).toEqual([]);
  });
  it('reports missing, unexpected and reordered sections', () => {
    expect(findOutputProblems({ ...base, markers: ['a', 'c'] })).toContainEqual({ code: 'section_missing', detail: 'b' });
    expect(findOutputProblems({ ...base, markers: ['a', 'b', 'c', 'x'] })).toContainEqual({ code: 'section_unexpected', detail: 'x' });
    expect(findOutputProblems({ ...base, markers: ['b', 'a', 'c'] }).map((p) => p.code)).toEqual(['section_out_of_order']);
  });
  it('reports leftover tags and stray values unless the caller wrote them', () => {
    const text = '项目 {projectName} 金额 undefined 说明 [object Object] 比例 NaN';
    expect(findOutputProblems({ ...base, text }).map((p) => p.detail)).toEqual(['{projectName}', 'undefined', '[object Object]', 'NaN']);
    expect(findOutputProblems({ ...base, text: 'the value null is kept', inputStrings: () => ['the value null is kept'] })).toEqual([]);
    expect(findOutputProblems({ ...base, format: 'html', text: 'a {{title}} b' }).map((p) => p.code)).toEqual(['tag_left']);
  });
  it('fails the render as output_check_failed, never returning a partial document', () => {
    let caught: unknown;
    try {
      assertOutput({ ...base, markers: ['a'] });
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught) && caught.code).toBe('output_check_failed');
  });
});
