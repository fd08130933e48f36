// G: the general rules, checked for every filing, on the shared project block and on every caller string (regulations.md §7.1).
import { profileData } from '../regulations/profiles.ts';
import { FILING_IDS } from '../filings/registry.ts';
import type { ProjectBlock } from '../filings/schema-parts.ts';
import { zhOf } from '../filings/prose/bilingual.ts';
import { art, item } from '../regulations/documents.ts';
import { isValidCreditCode } from '../format/identifiers.ts';
import { formatNumber2, isWellFormedDocNumber, normalizeDocNumber, sumWan, toCents } from '../format/format.ts';
import { defineRule, type Rule, type Violation } from './rule.ts';

type WithProject = { project: ProjectBlock };
/** Every registered filing's schema holds the project block, which refuses these violations. */
const ALL = FILING_IDS;
/** A sum of amounts in 万元, in cents (exact). */
const cents = (xs: ReadonlyArray<{ amount: number }>) => toCents(sumWan(xs.map((x) => x.amount)));

interface StringAt {
  path: string;
  key: string;
  value: string;
}

const escapeToken = (k: string) => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);
const STRINGS = new WeakMap<object, StringAt[]>();

/** Every string in the input with its JSON Pointer and the key it sits under; one walk per input, shared by the rules. */
function stringsOf(input: unknown): StringAt[] {
  if (input === null || typeof input !== 'object') return typeof input === 'string' ? [{ path: '', key: '', value: input }] : [];
  const cached = STRINGS.get(input);
  if (cached) return cached;
  const out: StringAt[] = [];
  const stack: Array<[unknown, string, string]> = [[input, '', '']];
  while (stack.length) {
    const [v, path, key] = stack.pop()!;
    if (typeof v === 'string') out.push({ path, key, value: v });
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`, String(i)]);
    else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${path}/${escapeToken(entries[i]![0])}`, entries[i]![0]]);
    }
  }
  STRINGS.set(input, out);
  return out;
}

/** Province-level prefixes of GB/T 2260 (11–65 mainland, 71 Taiwan, 81 Hong Kong, 82 Macao); 100000 is the state. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export const GENERAL_RULES: readonly Rule[] = [
  defineRule<WithProject>({
    id: 'G1',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(9) }],
    message: { zh: '项目名称、建设单位和审批部门必须填写。', en: 'The project name, construction unit and approving department must be given.' },
    paths: ['/project/name', '/project/constructionUnit/name', '/project/approvingDepartment'],
    enforcedBySchema: ALL,
    check: (i) =>
      [
        ['/project/name', i.project.name],
        ['/project/constructionUnit/name', i.project.constructionUnit.name],
        ['/project/approvingDepartment', i.project.approvingDepartment],
      ]
        .filter(([, v]) => !v || !zhOf(v).trim())
        .map(([path]) => ({ path: path as string })),
  }),
  defineRule<WithProject>({
    id: 'G2',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(13) }],
    message: { zh: '须写明项目负责人和项目实施机构。', en: 'The project leader and the implementing body must be named.' },
    paths: ['/project/leader/name', '/project/implementingBody'],
    enforcedBySchema: ALL,
    check: (i) => [...(!i.project.leader?.name ? [{ path: '/project/leader/name' }] : []), ...(!i.project.implementingBody ? [{ path: '/project/implementingBody' }] : [])],
  }),
  defineRule<WithProject>({
    id: 'G3',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'customary', article: item('投资构成与资金来源核对', 'investment and funding reconciliation') }],
    message: {
      zh: '{what}合计为{sum}万元，与总投资{total}万元不符（允许误差0.01万元）。',
      en: '{whatEn} add up to {sum} (CNY 10k), not the total investment of {total} (tolerance 0.01).',
    },
    paths: ['/project/investmentBreakdown', '/project/fundingSources'],
    check: (i) => {
      const total = toCents(i.project.totalInvestment);
      const out: Violation[] = [];
      const b = cents(i.project.investmentBreakdown);
      if (Math.abs(b - total) > 1) out.push({ path: '/project/investmentBreakdown', vars: { what: '投资构成', whatEn: 'The investment breakdown items', sum: formatNumber2(b / 100), total: formatNumber2(total / 100) } });
      const f = cents(i.project.fundingSources);
      if (Math.abs(f - total) > 1) out.push({ path: '/project/fundingSources', vars: { what: '资金来源', whatEn: 'The funding sources', sum: formatNumber2(f / 100), total: formatNumber2(total / 100) } });
      return out;
    },
  }),
  defineRule<WithProject>({
    id: 'G4',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(9) }],
    message: { zh: '须写明年度运行维护经费及其资金渠道。', en: 'The annual O&M funds and their channel must be stated.' },
    paths: ['/project/annualOandM/amount', '/project/annualOandM/channel'],
    enforcedBySchema: ALL,
    check: (i) => (i.project.annualOandM && i.project.annualOandM.channel ? [] : [{ path: '/project/annualOandM' }]),
  }),
  defineRule<WithProject>({
    id: 'G5',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(9) }, { doc: 'gbf-2019-57', article: art(10) }, { doc: 'district-measure', article: art(7) }],
    message: { zh: '至少应有一项量化的绩效指标（有计量单位和数值目标值）。', en: 'At least one performance indicator must be quantified (a unit and a numeric target value).' },
    paths: ['/project/performanceTargets'],
    check: (i) => (i.project.performanceTargets.some((t) => t.unit !== undefined && typeof t.targetValue === 'number') ? [] : [{ path: '/project/performanceTargets' }]),
  }),
  defineRule({
    id: 'G6',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'gbt-9704-2012', article: item('7.3.5', '7.3.5') }],
    message: {
      zh: '日期“{text}”不合规范：年份应写全，月、日不编虚位（如2025年3月5日）。',
      en: 'The date "{text}" is not in official form: a full year and no leading zeros in month or day (e.g. 2025年3月5日).',
    },
    paths: ['/**'],
    check: (input) => {
      const out: Violation[] = [];
      for (const s of stringsOf(input)) {
        const m = /(?<![\d〔[（(])\d{2}年\d{1,2}月|\d{4}年0\d月|\d{1,2}月0\d日/.exec(s.value);
        if (m) out.push({ path: s.path, vars: { text: m[0] } });
      }
      return out;
    },
  }),
  defineRule({
    id: 'G7',
    group: 'G',
    severity: 'warning',
    citations: [{ doc: 'gbt-9704-2012', article: item('7.2.5', '7.2.5') }],
    message: {
      zh: '文号“{text}”不规范：年份应全写并用六角括号〔〕括入，序号不编虚位、不加“第”字。',
      en: 'The document number "{text}" is not in official form: full year in 〔〕, no leading zeros, no 第.',
    },
    paths: ['/**/docNo'],
    check: (input) => {
      const out: Violation[] = [];
      for (const s of stringsOf(input)) {
        if (!/docNo$|DocNo$|^approvalNo$/.test(s.key)) continue;
        // GB/T 9704 governs the numbers of official documents (文号: organ code + 〔year〕 + serial), not the report
        // numbers of third parties attached as materials (test reports, audit reports, supervision reports).
        if (s.path.includes('/attachments/') || !/[[［【(（〔]\s*\d{4}\s*[\]］】)）〕]/.test(s.value)) continue;
        if (!isWellFormedDocNumber(normalizeDocNumber(s.value))) out.push({ path: s.path, vars: { text: s.value } });
      }
      return out;
    },
  }),
  defineRule<WithProject>({
    id: 'G8',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'customary', article: item('GB 32100—2015 校验码', 'GB 32100-2015 check character') }],
    message: { zh: '统一社会信用代码{code}的校验码不正确（GB 32100）。', en: 'The check character of the unified social credit code {code} is wrong (GB 32100).' },
    paths: ['/**/creditCode'],
    check: (input) => {
      const out: Violation[] = [];
      for (const s of stringsOf(input)) if (s.key === 'creditCode' && !isValidCreditCode(s.value)) out.push({ path: s.path, vars: { code: s.value } });
      return out;
    },
  }),
  defineRule<WithProject>({
    id: 'G9',
    group: 'G',
    severity: 'error',
    citations: [{ doc: 'customary', article: item('GB/T 2260 行政区划代码', 'GB/T 2260 division codes') }],
    message: { zh: '行政区划代码{code}不是有效的省级前缀（GB/T 2260）。', en: 'The administrative division code {code} has no valid province prefix (GB/T 2260).' },
    paths: ['/project/jurisdiction/regionCode'],
    check: (i) => {
      const code = i.project.jurisdiction.regionCode;
      if (code === '100000') return profileData(i.project.jurisdiction.profile).scope === 'national' ? [] : [{ path: '/project/jurisdiction/regionCode', vars: { code } }];
      return PROVINCES.has(code.slice(0, 2)) ? [] : [{ path: '/project/jurisdiction/regionCode', vars: { code } }];
    },
  }),
];
