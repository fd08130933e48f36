// The P rules on the 信息共享目录 that the 项目建议书 and the 可行性研究报告 share (regulations.md §7.2): each entry states
// its fields, format, interface, processing and traceability (P3), a valid sharing type (P4), no disguised restriction (P5)
// and, before application, its declared attributes (P6).
import { art } from '../../regulations/documents.ts';
import { citeMeasure } from '../../regulations/profiles.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import type { LText } from '../schema-parts.ts';
import { enOf, zhOf } from '../prose/bilingual.ts';
import { catalogue, district, filingDate, filled, gbf, opinion2013, type ApprovalStageInput, type Entry } from './input.ts';
import { formatDate } from '../../format/format.ts';

type PIn = ApprovalStageInput;
const PF = ['project-proposal', 'feasibility-study'];
const FS = ['feasibility-study'];

const SHARE_TYPES = new Set(['unconditional', 'conditional', 'none']);

/** Wording that limits who receives the data: 仅向… / 只对… / 限于… / only to … / exclusively for …. */
const RESTRICTED_ZH = /(仅|只)(限于?|向|对|供|面向|提供给)|限于|限定/;
const RESTRICTED_EN = /\b(only|exclusively|solely)\s+(to|for|with)\b/i;
/** …with firms or organisations as the receivers. */
const TO_FIRMS_ZH = /(仅|只)(限于?|向|对|供|面向|提供给)[^，。；,;]{0,24}(企业|公司|机构|组织|商户)/;
const TO_FIRMS_EN = /\b(only|exclusively|solely)\s+(to|for|with)\b[^,.;]{0,48}(compan|firm|enterprise|organi[sz]ation|vendor|agenc)/i;

export const CATALOGUE_RULES: readonly Rule<PIn>[] = [
  defineRule<PIn>({
    id: 'P3',
    group: 'P',
    severity: 'error',
    citations: [opinion2013('五、（一）严格落实信息共享需求', 'V(1), sharing requirements')],
    message: {
      zh: '信息共享目录“{name}”缺少{field}（须写明信息项、格式、技术接口、加工处理方法和可追溯要求）。',
      en: 'Sharing-catalogue entry "{name}" lacks {fieldEn} (fields, format, technical interface, processing method and traceability are required).',
    },
    paths: ['/requirements/sharing/catalogue/*', '/sharingChapter/catalogue/*'],
    enforcedBySchema: PF,
    check: (i, ctx) => {
      const out: Violation[] = [];
      const need: Array<[keyof Entry, string, string]> = [
        ['items', '信息项', 'its fields'],
        ['format', '信息资源格式', 'its format'],
        ['technicalInterface', '技术接口', 'its technical interface'],
        ['processingMethod', '加工处理方法', 'its processing method'],
        ['traceability', '可追溯要求', 'its traceability requirements'],
      ];
      for (const e of catalogue(i, ctx).entries) {
        for (const [key, fz, fe] of need) {
          const v = e[key];
          const ok = Array.isArray(v) ? v.length > 0 : typeof v === 'object' && v !== null ? true : filled(v as LText | undefined);
          if (!ok) out.push({ path: `${e.path}/${key}`, vars: { name: e.name, field: fz, fieldEn: fe } });
        }
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P4',
    group: 'P',
    severity: 'error',
    citations: [{ doc: 'gf-2016-51', article: art(9) }],
    message: {
      zh: '信息共享目录“{name}”：{problem}。',
      en: 'Sharing-catalogue entry "{name}": {problemEn}.',
    },
    paths: ['/requirements/sharing/catalogue/*/shareType', '/requirements/sharing/catalogue/*/shareCondition', '/requirements/sharing/catalogue/*/refusalBasis', '/sharingChapter/catalogue/*/shareType', '/sharingChapter/catalogue/*/shareCondition', '/sharingChapter/catalogue/*/shareBasis'],
    enforcedBySchema: PF,
    check: (i, ctx) => {
      const out: Violation[] = [];
      for (const e of catalogue(i, ctx).entries) {
        if (!e.shareType || !SHARE_TYPES.has(e.shareType)) {
          out.push({ path: `${e.path}/shareType`, vars: { name: e.name, problem: '共享类型应为无条件共享、有条件共享或不予共享', problemEn: 'the sharing type must be unconditional, conditional or not shared' } });
        } else if (e.shareType === 'conditional' && !filled(e.shareCondition)) {
          out.push({ path: `${e.path}/shareCondition`, vars: { name: e.name, problem: '有条件共享须写明共享条件', problemEn: 'conditional sharing needs its conditions' } });
        } else if (e.shareType === 'none' && !filled(e.basis)) {
          out.push({ path: `${e.path}/${e.basisKey}`, vars: { name: e.name, problem: '不予共享须写明法律、行政法规或政策依据', problemEn: 'not sharing needs its basis in law, regulation or central policy' } });
        }
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P5',
    group: 'P',
    severity: 'warning',
    citations: [gbf(11), district(25)],
    message: {
      zh: '信息共享目录“{name}”：{problem}（应当普遍共享的数据不得仅向特定部门共享，应当向社会开放的数据不得仅向特定企业、社会组织开放）。',
      en: 'Sharing-catalogue entry "{name}": {problemEn} (data to be shared generally must not go to particular departments only, and data to be opened must not be opened to particular firms or organisations only).',
    },
    paths: ['/requirements/sharing/catalogue/*/shareCondition', '/requirements/sharing/catalogue/*/openness/condition', '/sharingChapter/catalogue/*/shareCondition', '/sharingChapter/catalogue/*/openAttr/condition'],
    check: (i, ctx) => {
      const out: Violation[] = [];
      for (const e of catalogue(i, ctx).entries) {
        const c = e.shareCondition;
        if (e.shareType === 'unconditional' && c !== undefined && (RESTRICTED_ZH.test(zhOf(c)) || RESTRICTED_EN.test(enOf(c)))) {
          out.push({ path: `${e.path}/shareCondition`, vars: { name: e.name, problem: '列为无条件共享，却限定了共享对象', problemEn: 'it is unconditionally shared, yet its receivers are restricted' } });
        }
        const o = e.open.value;
        if (o?.open && o.condition !== undefined) {
          if (TO_FIRMS_ZH.test(zhOf(o.condition)) || TO_FIRMS_EN.test(enOf(o.condition))) {
            out.push({ path: `${e.path}/${e.open.key}/condition`, vars: { name: e.name, problem: '向社会开放，却只向特定企业或机构开放', problemEn: 'it is open to the public, yet opened to particular firms or organisations only' } });
          }
        }
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P6',
    group: 'P',
    // An error where the measure requires the attributes before application (district Art. 24), a warning elsewhere.
    severity: (p) => (p.catalogue.attributesBeforeApplication ? 'error' : 'warning'),
    citations: [district(24), gbf(11)],
    message: {
      zh: '信息共享目录“{name}”未写明{field}（申报前应明确数据来源、格式、更新、共享和开放属性）。',
      en: 'Sharing-catalogue entry "{name}" does not state {fieldEn} (source, format, update cycle, sharing and openness attributes are declared before application).',
    },
    paths: ['/requirements/sharing/catalogue/*', '/sharingChapter/catalogue/*'],
    // The 可研 schema requires all five; the proposal schema requires them under the district profile only, so national
    // proposals are checked here (as a warning).
    enforcedBySchema: FS,
    check: (i, ctx) => {
      const out: Violation[] = [];
      for (const e of catalogue(i, ctx).entries) {
        const missing: Array<[string, string, string]> = [];
        if (!filled(e.source)) missing.push(['source', '数据来源', 'its data source']);
        if (e.format === undefined) missing.push(['format', '格式', 'its format']);
        if (e.updateCycle === undefined) missing.push(['updateCycle', '更新周期', 'its update cycle']);
        if (e.shareType === undefined) missing.push(['shareType', '共享属性', 'its sharing attribute']);
        if (e.open.value === undefined) missing.push([e.open.key, '开放属性', 'its openness attribute']);
        const own = ctx.jurisdiction.catalogue.attributesBeforeApplication;
        const citations = own ? [citeMeasure(ctx.jurisdiction, own.article)] : [];
        for (const [key, fz, fe] of missing) out.push({ path: `${e.path}/${key}`, vars: { name: e.name, field: fz, fieldEn: fe }, citations });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P24',
    group: 'P',
    severity: 'warning',
    citations: [gbf(11), opinion2013('五、（一）严格落实信息共享需求', 'V(1), sharing requirements')],
    message: {
      zh: '信息共享目录“{name}”：{problem}（信息资源目录应写明每项资源的责任部门及其在政务信息资源目录中的注册情况）。',
      en: 'Sharing-catalogue entry "{name}": {problemEn} (the catalogue names the department answerable for each resource and its registration in the government information-resource catalogue).',
    },
    note: {
      zh: '信息资源目录是项目审批的前提：可行性研究报告中发布日期不晚于报告日期的已有资源应已在政务信息资源目录中注册，须写明目录编码、注册日期和目录系统；本项目将产生、尚未发布的资源和项目建议书中的资源只核对已填写的注册信息。',
      en: 'The catalogue is a precondition of approval: in a feasibility study, resources already published by the report date are registered in the government catalogue, with code, date and system; resources the project has yet to publish, and those of a proposal, are checked only on the registration facts given.',
    },
    paths: ['/requirements/sharing/catalogue/*/responsibleDepartment', '/requirements/sharing/catalogue/*/registration/date', '/sharingChapter/catalogue/*/responsibleDepartment', '/sharingChapter/catalogue/*/registration', '/sharingChapter/catalogue/*/registration/date'],
    check: (i, ctx) => {
      const out: Violation[] = [];
      const date = filingDate(i, ctx);
      for (const e of catalogue(i, ctx).entries) {
        if (!filled(e.responsibleDepartment)) out.push({ path: `${e.path}/responsibleDepartment`, vars: { name: e.name, problem: '未写明责任部门', problemEn: 'its responsible department is not named' } });
        const r = e.registration;
        if (!r) {
          if (e.publishDate !== undefined && e.publishDate <= date) out.push({ path: `${e.path}/registration`, vars: { name: e.name, problem: '未写明目录注册情况（目录编码、注册日期、目录系统）', problemEn: 'its registration (catalogue code, date, system) is not stated' } });
        } else if (r.date > date) {
          out.push({
            path: `${e.path}/registration/date`,
            severity: 'error',
            vars: { name: e.name, problem: `注册日期${formatDate(r.date, 'zh-CN')}晚于本文件日期${formatDate(date, 'zh-CN')}`, problemEn: `its registration date ${formatDate(r.date, 'en')} is after the date of this document, ${formatDate(date, 'en')}` },
          });
        }
      }
      return out;
    },
  }),
];
