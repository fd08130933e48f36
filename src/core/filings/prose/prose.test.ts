// The shared prose toolkit: each helper's rule in Chinese, English and bilingual documents.
import { describe, expect, it } from 'vitest';
import { createContentContext } from '../content-context.ts';
import { cell, enOf, enOrZh, hasEn, perLanguage, sidesOf, zhOf } from './bilingual.ts';
import { colon, joinNames, listSep, paren, semi } from './punctuation.ts';
import { docRef, docRefInParens } from './references.ts';
import { DASH, int, pct, qty, ratio, share } from './numbers.ts';
import { daysInclusive, monthsSpanned, wholeMonthsBetween } from './periods.ts';
import { prunedTable } from './tables.ts';

const filing = { id: 'feasibility-study' };
const zh = createContentContext(filing, 'zh-CN');
const en = createContentContext(filing, 'en');
const bi = createContentContext(filing, 'bilingual');

describe('bilingual values', () => {
  it('takes a plain string as the Chinese side', () => {
    expect(sidesOf('项目')).toEqual({ zh: '项目' });
    expect(zhOf('项目')).toBe('项目');
    expect(zhOf({ zh: '项目', en: 'Project' })).toBe('项目');
    expect(zhOf(undefined)).toBe('');
  });

  it('tells the English side as given from the side an English reader sees', () => {
    expect(enOf('项目')).toBe('');
    expect(enOf({ zh: '项目', en: 'Project' })).toBe('Project');
    expect(enOrZh('项目')).toBe('项目');
    expect(enOrZh({ zh: '项目', en: 'Project' })).toBe('Project');
    expect(hasEn({ zh: '项目' })).toBe(false);
    expect(hasEn({ zh: '项目', en: 'Project' })).toBe(true);
  });

  it('builds a value once per language, and once only when both read the same', () => {
    const build = (l: typeof zh) => l.date('2026-03-05');
    expect(perLanguage(zh, build)).toBe('2026年3月5日');
    expect(perLanguage(en, build)).toBe('5 March 2026');
    expect(perLanguage(bi, build)).toBe('2026年3月5日 / 5 March 2026');
    expect(perLanguage(bi, build, '\n')).toBe('2026年3月5日\n5 March 2026');
    expect(perLanguage(bi, () => 'GB/T 9704')).toBe('GB/T 9704');
  });

  it('puts the English under the Chinese in a bilingual table cell', () => {
    expect(cell(bi, { zh: '名称', en: 'Name' })).toBe('名称\nName');
    expect(cell(bi, '名称')).toBe('名称');
    expect(cell(en, { zh: '名称', en: 'Name' })).toBe('Name');
  });
});

describe('punctuation', () => {
  it('uses the marks of the language', () => {
    expect([listSep(zh), semi(zh), colon(zh)]).toEqual(['、', '；', '：']);
    expect([listSep(en), semi(en), colon(en)]).toEqual([', ', '; ', ': ']);
    expect(listSep(bi)).toBe('、');
  });

  it('sets a parenthetical in full-width brackets in Chinese and half-width ones in English, and prints none when empty', () => {
    expect(paren(zh, '试行')).toBe('（试行）');
    expect(paren(en, 'trial')).toBe(' (trial)');
    expect(paren(zh, '')).toBe('');
    expect(paren(en, '')).toBe('');
  });

  it('does not nest brackets of one kind', () => {
    expect(paren(bi, bi.date('2025-03-18'))).toBe('，2025年3月18日（18 March 2025）');
  });

  it('joins names with 、 in Chinese (names may hold 和 themselves) and with "and" before the last in English', () => {
    expect(joinNames(zh, ['国家税务总局', '人力资源和社会保障部', '海关总署'])).toBe('国家税务总局、人力资源和社会保障部、海关总署');
    expect(joinNames(en, ['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames(zh, ['甲'])).toBe('甲');
    expect(joinNames(en, [])).toBe('');
  });
});

describe('document references', () => {
  const doc = { title: { zh: '关于印发办法的通知', en: 'Notice issuing the measures' }, docNo: '国办发[2019]57号', date: '2019-12-30' };

  it('puts the Chinese title in 《》 and the number (normalised to 〔〕) and date in parentheses', () => {
    expect(docRef(zh, doc)).toBe('《关于印发办法的通知》（国办发〔2019〕57号，2019年12月30日）');
  });

  it('sets the English title plain', () => {
    expect(docRef(en, doc)).toBe('Notice issuing the measures (国办发〔2019〕57号, 30 December 2019)');
  });

  it('does not double 《》 the caller wrote, and gives number and date alone without a title', () => {
    expect(docRef(zh, { title: '《办法》' })).toBe('《办法》');
    expect(docRef(zh, { docNo: '发改高技〔2008〕2544号' })).toBe('发改高技〔2008〕2544号');
  });

  it('sets a reference after a sentence as one flat parenthetical', () => {
    expect(docRefInParens(zh, doc)).toBe('（《关于印发办法的通知》，国办发〔2019〕57号，2019年12月30日）');
    expect(docRefInParens(en, doc)).toBe(' (Notice issuing the measures, 国办发〔2019〕57号, 30 December 2019)');
  });
});

describe('numbers', () => {
  it('gives no ratio against nothing, and shows it as a dash', () => {
    expect(ratio(1, 4)).toBe(25);
    expect(ratio(1, 0)).toBeNull();
    expect(pct(zh, null)).toBe(DASH);
    expect(share(zh, 3, 12)).toBe('25%');
    expect(share(zh, 3, 0)).toBe(DASH);
  });

  it('groups thousands', () => {
    expect(qty(1234.5)).toBe('1,234.5');
    expect(int(21800.4)).toBe('21,800');
  });
});

describe('periods', () => {
  it('counts the months a period spans, a started month counting', () => {
    expect(monthsSpanned('2024-01-01', '2025-12-31')).toBe(24);
    expect(monthsSpanned('2024-01-15', '2024-03-10')).toBe(2);
    expect(monthsSpanned('2024-01-15', '2024-03-20')).toBe(3);
  });

  it('counts whole months elapsed, the day clamped to the month end', () => {
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2024-03-15', '2025-03-14')).toBe(11);
    expect(wholeMonthsBetween('2024-03-15', '2025-03-15')).toBe(12);
  });

  it('counts days with both ends included', () => {
    expect(daysInclusive('2025-03-01', '2025-03-31')).toBe(31);
    expect(daysInclusive('2024-02-28', '2024-03-01')).toBe(3);
  });
});

describe('tables', () => {
  it('leaves out an optional column no row fills', () => {
    const t = prunedTable(zh, [{ label: 'A' }, { label: 'B' }, { label: 'C' }], [['1', DASH, 'x'], ['2', '', 'y']], [1, 2], ['合计', '', '']);
    expect(t.columns.map((c) => c.label)).toEqual(['A', 'C']);
    expect(t.rows).toEqual([['1', 'x'], ['2', 'y']]);
    expect(t.total).toEqual(['合计', '']);
  });
});
