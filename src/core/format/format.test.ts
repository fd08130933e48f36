import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber2, formatWan, isWellFormedDocNumber, normalizeDocNumber, parseIsoDate, rmbUppercase, rmbUppercaseWan } from './format.ts';
import { addMonths, addDays } from './dates.ts';
import { creditCodeCheckChar, isValidCreditCode } from './identifiers.ts';

describe('dates', () => {
  it('writes Chinese dates without zero padding and English dates in full', () => {
    expect(formatDate('2026-11-22', 'zh-CN')).toBe('2026年11月22日');
    expect(formatDate('2025-03-05', 'zh-CN')).toBe('2025年3月5日');
    expect(formatDate('2026-11-22', 'en')).toBe('22 November 2026');
    expect(formatDate('2025-03-05', 'bilingual')).toBe('2025年3月5日（5 March 2025）');
  });
  it('refuses dates that are not on the calendar', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(() => formatDate('2026-02-30', 'zh-CN')).toThrow(RangeError);
  });
  it('adds months clamping to the month end, and days across years', () => {
    expect(addMonths('2026-05-31', 6)).toBe('2026-11-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
  });
});

describe('amounts', () => {
  it('formats 万元 with separators and two decimals', () => {
    expect(formatNumber2(1234567.5)).toBe('1,234,567.50');
    expect(formatNumber2(0.005)).toBe('0.01');
    expect(formatNumber2(1.005)).toBe('1.01');
    expect(formatWan(1200, 'zh-CN')).toBe('1,200.00万元');
    expect(formatWan(12860.5, 'en')).toBe('CNY 128,605,000');
    expect(formatWan(0.0123, 'en')).toBe('CNY 100');
  });
  it.each([
    [12_000_000, '人民币壹仟贰佰万元整'],
    [1005.3, '人民币壹仟零伍元叁角整'],
    [100_000_001, '人民币壹亿零壹元整'],
    [10_100, '人民币壹万零壹佰元整'],
    [10_010_000, '人民币壹仟零壹万元整'],
    [0.05, '人民币伍分'],
    [12.04, '人民币壹拾贰元零肆分'],
    [0, '人民币零元整'],
    [128_605_000, '人民币壹亿贰仟捌佰陆拾万伍仟元整'],
  ])('writes %d yuan as %s', (yuan, expected) => {
    expect(rmbUppercase(yuan)).toBe(expected);
  });
  it('writes a 万元 total in uppercase yuan', () => {
    expect(rmbUppercaseWan(1200)).toBe('人民币壹仟贰佰万元整');
  });
});

describe('document numbers', () => {
  it('normalises brackets to 六角括号', () => {
    expect(normalizeDocNumber('发改高技[2019]57号')).toBe('发改高技〔2019〕57号');
    expect(normalizeDocNumber('聊高管字（2026）58号')).toBe('聊高管字〔2026〕58号');
    expect(normalizeDocNumber('国办发【2019】57号')).toBe('国办发〔2019〕57号');
    expect(normalizeDocNumber('国办发〔2019〕57号')).toBe('国办发〔2019〕57号');
  });
  it('tells well-formed numbers from ones with leading zeros or 第', () => {
    expect(isWellFormedDocNumber('发改高技〔2019〕57号')).toBe(true);
    expect(isWellFormedDocNumber('发改高技〔2019〕057号')).toBe(false);
    expect(isWellFormedDocNumber('发改高技〔2019〕第57号')).toBe(false);
    expect(isWellFormedDocNumber('发改高技[2019]57号')).toBe(false);
  });
});

describe('统一社会信用代码', () => {
  it('computes the GB 32100 check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeNull();
  });
});

describe('stated totals', () => {
  it('carry their uppercase RMB in Chinese documents', async () => {
    const { createContentContext } = await import('../filings/content-context.ts');
    expect(createContentContext({ id: 'feasibility-study' }, 'zh-CN').stated(12860.5)).toBe('12,860.50万元（大写：人民币壹亿贰仟捌佰陆拾万伍仟元整）');
    expect(createContentContext({ id: 'feasibility-study' }, 'en').stated(12860.5)).toBe('CNY 128,605,000');
    expect(createContentContext({ id: 'feasibility-study' }, 'bilingual').stated(1200)).toBe('1,200.00万元（大写：人民币壹仟贰佰万元整）（CNY 12,000,000）');
  });
});
