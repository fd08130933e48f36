// P: checks for the 项目建议书 and the 可行性研究报告 (regulations.md §7.2). The two schemas differ (the proposal keeps the
// catalogue under /requirements/sharing, the 可研 has its own sharing chapter, attachment slots, cloud and energy blocks),
// so every rule that reads both finds its paths through ctx.filingId. P21 (概算 against the 可研 estimate) can only be
// checked where both figures are recorded, which among the five filings is the acceptance report's approval list.
import type { LText } from '../../filings/common.ts';
import type { ProjectProposalInput } from '../../filings/project-proposal/schema.ts';
import type { FeasibilityStudyInput } from '../../filings/feasibility-study/schema.ts';
import type { AcceptanceReportInput } from '../../filings/acceptance-report/schema.ts';
import { art, item, type Citation } from '../../regulations/documents.ts';
import { formatNumber2, formatPercent, toCents } from '../../format/format.ts';
import { defineRule, type RuleContext, type Violation } from '../rule.ts';

type PIn = ProjectProposalInput | FeasibilityStudyInput;
const PF = ['project-proposal', 'feasibility-study'] as const;
const FS = ['feasibility-study'] as const;

const gbf = (n: number): Citation => ({ doc: 'gbf-2019-57', article: art(n) });
const district = (n: number): Citation => ({ doc: 'district-measure', article: art(n) });
const opinion2013 = (zh: string, en: string): Citation => ({ doc: 'fgg-2013-266', article: item(zh, en) });

const isProposal = (i: PIn, ctx: RuleContext): i is ProjectProposalInput => ctx.filingId === 'project-proposal';
const zh = (t: LText | undefined): string => (t === undefined ? '' : typeof t === 'string' ? t : t.zh);
const filled = (t: LText | undefined): boolean => zh(t).trim() !== '';
const some = (xs: readonly unknown[] | undefined): boolean => !!xs && xs.length > 0;

/** The catalogue entry fields the rules read, with the key each filing uses for them. */
interface Entry {
  path: string;
  name: string;
  items: readonly unknown[] | undefined;
  format: unknown;
  technicalInterface: LText | undefined;
  processingMethod: LText | undefined;
  traceability: LText | undefined;
  shareType: string | undefined;
  shareCondition: LText | undefined;
  basis: LText | undefined;
  basisKey: 'refusalBasis' | 'shareBasis';
  source: LText | undefined;
  updateCycle: unknown;
  open: { key: 'openness' | 'openAttr'; value: { open: boolean; condition: LText | undefined } | undefined };
  consumers: readonly LText[];
}

/** The 信息共享目录 of either filing: the proposal's /requirements/sharing/catalogue or the 可研's /sharingChapter/catalogue. */
function catalogue(i: PIn, ctx: RuleContext): { path: string; entries: Entry[] } {
  if (isProposal(i, ctx)) {
    const base = '/requirements/sharing/catalogue';
    return {
      path: base,
      entries: (i.requirements?.sharing?.catalogue ?? []).map((e, n) => ({
        path: `${base}/${n}`,
        name: zh(e.name),
        items: e.items,
        format: e.format,
        technicalInterface: e.technicalInterface,
        processingMethod: e.processingMethod,
        traceability: e.traceability,
        shareType: e.shareType,
        shareCondition: e.shareCondition,
        basis: e.refusalBasis,
        basisKey: 'refusalBasis',
        source: e.source,
        updateCycle: e.updateCycle,
        open: { key: 'openness', value: e.openness ? { open: e.openness.open, condition: e.openness.condition } : undefined },
        consumers: e.consumers ?? [],
      })),
    };
  }
  const base = '/sharingChapter/catalogue';
  return {
    path: base,
    entries: (i.sharingChapter?.catalogue ?? []).map((e, n) => ({
      path: `${base}/${n}`,
      name: zh(e.name),
      items: e.items,
      format: e.format,
      technicalInterface: e.technicalInterface,
      processingMethod: e.processingMethod,
      traceability: e.traceability,
      // The 可研 spells 不予共享 `not-shared`; the rules speak of the three 51号 types.
      shareType: e.shareType === 'not-shared' ? 'none' : e.shareType,
      shareCondition: e.shareCondition,
      basis: e.shareBasis,
      basisKey: 'shareBasis',
      source: e.source,
      updateCycle: e.updateCycle,
      open: { key: 'openAttr', value: e.openAttr ? { open: e.openAttr.openToPublic, condition: e.openAttr.condition } : undefined },
      consumers: e.consumers ?? [],
    })),
  };
}

const SHARE_TYPES = new Set(['unconditional', 'conditional', 'none']);

/** Wording that limits who receives the data: 仅向… / 只对… / 限于… / only to … / exclusively for …. */
const RESTRICTED_ZH = /(仅|只)(限于?|向|对|供|面向|提供给)|限于|限定/;
const RESTRICTED_EN = /\b(only|exclusively|solely)\s+(to|for|with)\b/i;
/** …with firms or organisations as the receivers. */
const TO_FIRMS_ZH = /(仅|只)(限于?|向|对|供|面向|提供给)[^，。；,;]{0,24}(企业|公司|机构|组织|商户)/;
const TO_FIRMS_EN = /\b(only|exclusively|solely)\s+(to|for|with)\b[^,.;]{0,48}(compan|firm|enterprise|organi[sz]ation|vendor|agenc)/i;
const enOf = (t: LText): string => (typeof t === 'string' ? '' : (t.en ?? ''));

/** Approved by the National Development and Reform Commission (2013意见 applies to its projects). */
function ndrcApproved(approvingDepartment: LText): boolean {
  const z = zh(approvingDepartment);
  const en = enOf(approvingDepartment);
  return /国家发展和改革委员会|国家发展改革委|国家发改委/.test(z) || /National Development and Reform Commission|\bNDRC\b/.test(en);
}

/** District measure Art. 8: projects that are no longer built separately, by the words that name them. */
const SEPARATE_BUILD: ReadonlyArray<{ re: RegExp; zh: string; en: string }> = [
  { re: /机房|服务器(?!密码)|存储设备|存储系统|磁盘阵列/, zh: '机房、服务器和存储设备等通用硬件', en: 'machine rooms, servers and storage hardware' },
  { re: /专网|业务网络|跨部门网络/, zh: '部门业务专网和跨部门网络', en: 'departmental business networks and cross-department networks' },
  { re: /共享交换|数据交换系统|交换平台/, zh: '跨部门数据共享交换系统', en: 'cross-department data sharing and exchange systems' },
  { re: /协同办公|办公自动化|\bOA\b|即时通讯|即时通信/, zh: '协同办公（含即时通讯）系统', en: 'collaborative office systems (including instant messaging)' },
  { re: /门户网站|政府网站|网站群/, zh: '政府门户网站', en: 'government portals' },
  { re: /视频会议|网络会议|电视电话会议/, zh: '网络会议系统', en: 'network conference systems' },
  { re: /视频监控/, zh: '视频监控系统', en: 'video surveillance systems' },
  { re: /电子邮件|邮件系统|电子邮箱/, zh: '电子邮件系统', en: 'e-mail systems' },
  { re: /权力运行/, zh: '行政权力运行系统', en: 'administrative-power operation systems' },
];

const money = (v: number) => formatNumber2(v);

export const P_RULES = [
  defineRule<PIn>({
    id: 'P1',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [gbf(9)],
    message: {
      zh: '改建、扩建项目须附前期项目的第三方后评价报告。',
      en: 'A rebuild or expansion project must attach the third-party post-evaluation report of the earlier project.',
    },
    paths: ['/previousProject/postEvaluation', '/attachments/postEvaluationReport'],
    enforcedBySchema: ['project-proposal'],
    check: (i, ctx) => {
      if (i.project.type !== 'rebuild' && i.project.type !== 'expand') return [];
      if (isProposal(i, ctx)) {
        if (!i.previousProject) return [{ path: '/previousProject' }];
        return i.previousProject.postEvaluation ? [] : [{ path: '/previousProject/postEvaluation' }];
      }
      return i.attachments?.postEvaluationReport ? [] : [{ path: '/attachments/postEvaluationReport' }];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P2',
    group: 'P',
    filings: FS,
    severity: 'error',
    citations: [gbf(11)],
    message: {
      zh: '可行性研究报告须包含信息资源共享分析篇章，且信息资源目录至少有一条。',
      en: 'The feasibility study must contain the information-resource sharing chapter with at least one catalogue entry.',
    },
    paths: ['/sharingChapter', '/sharingChapter/catalogue'],
    enforcedBySchema: FS,
    check: (i) => {
      if (!i.sharingChapter) return [{ path: '/sharingChapter' }];
      return some(i.sharingChapter.catalogue) ? [] : [{ path: '/sharingChapter/catalogue' }];
    },
  }),
  defineRule<PIn>({
    id: 'P3',
    group: 'P',
    filings: PF,
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
    filings: PF,
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
    filings: PF,
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
        if (e.shareType === 'unconditional' && c !== undefined && (RESTRICTED_ZH.test(zh(c)) || RESTRICTED_EN.test(enOf(c)))) {
          out.push({ path: `${e.path}/shareCondition`, vars: { name: e.name, problem: '列为无条件共享，却限定了共享对象', problemEn: 'it is unconditionally shared, yet its receivers are restricted' } });
        }
        const o = e.open.value;
        if (o?.open && o.condition !== undefined) {
          if (TO_FIRMS_ZH.test(zh(o.condition)) || TO_FIRMS_EN.test(enOf(o.condition))) {
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
    filings: PF,
    severity: { national: 'warning', district: 'error' },
    citations: [district(24)],
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
        for (const [key, fz, fe] of missing) out.push({ path: `${e.path}/${key}`, vars: { name: e.name, field: fz, fieldEn: fe } });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P7',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [opinion2013('七、（二）加强信息系统分级保护和等级保护', 'VII(2), classified and graded protection'), gbf(9)],
    message: {
      zh: '安全保护等级未明确：{problem}。',
      en: 'The security protection level is not clear: {problemEn}.',
    },
    paths: ['/project/securityLevel', '/project/securityLevel/level', '/requirements/securityProtection', '/requirements/security', '/protection/design'],
    // Presence is structural (every schema requires the level and the protection chapter); what only this check sees is a
    // level that does not belong to its scheme, e.g. 分保 with an 等保 level number.
    check: (i, ctx) => {
      const s = i.project.securityLevel;
      if (!s) return [{ path: '/project/securityLevel', vars: { problem: '须写明等级保护级别或分级保护等级', problemEn: 'state the MLPS level or the classified-protection grade' } }];
      const out: Violation[] = [];
      if (s.scheme === 'mlps' && typeof s.level !== 'number') {
        out.push({ path: '/project/securityLevel/level', vars: { problem: '等级保护应写第一级至第五级，不能填写涉密等级', problemEn: 'MLPS takes a level 1–5, not a classification grade' } });
      }
      if (s.scheme === 'classified' && typeof s.level === 'number') {
        out.push({ path: '/project/securityLevel/level', vars: { problem: '涉密信息系统应写分级保护等级（秘密、机密、绝密），不能填写等级保护级别', problemEn: 'a classified system takes a grade (secret, confidential, top secret), not an MLPS level' } });
      }
      const chapters = isProposal(i, ctx) ? [['/requirements/securityProtection', i.requirements?.securityProtection]] : [['/requirements/security', i.requirements?.security], ['/protection/design', i.protection?.design]];
      for (const [path, paras] of chapters) {
        if (!some(paras as readonly unknown[] | undefined)) out.push({ path: path as string, vars: { problem: '须说明等级保护或分级保护要求', problemEn: 'the protection requirements must be described' } });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P8',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [gbf(9), gbf(15), district(28)],
    message: { zh: '须编制密码应用方案。', en: 'A cryptography application plan is required.' },
    paths: ['/phaseScheme/crypto', '/cryptography'],
    enforcedBySchema: PF,
    check: (i, ctx) => {
      if (isProposal(i, ctx)) {
        const c = i.phaseScheme?.crypto;
        return c && some(c.summary) && some(c.measures) ? [] : [{ path: '/phaseScheme/crypto' }];
      }
      return some(i.cryptography?.summary) ? [] : [{ path: '/cryptography' }];
    },
  }),
  defineRule<PIn>({
    id: 'P9',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [gbf(16)],
    message: { zh: '须说明所采用软硬件产品的安全可靠情况。', en: 'The safety and reliability of the software and hardware products must be explained.' },
    paths: ['/phaseScheme/productSafety', '/productSafety'],
    enforcedBySchema: PF,
    check: (i, ctx) => {
      const p = isProposal(i, ctx) ? i.phaseScheme?.productSafety : i.productSafety;
      return some(p?.statement) ? [] : [{ path: isProposal(i, ctx) ? '/phaseScheme/productSafety' : '/productSafety' }];
    },
  }),
  defineRule<PIn>({
    id: 'P10',
    group: 'P',
    filings: PF,
    severity: 'warning',
    citations: [gbf(17), district(8)],
    message: {
      zh: '{what}：原则上应依托政务云建设，不再新建独立机房和服务器，确需新建的须说明理由。',
      en: '{whatEn}: the government cloud is to be used and no stand-alone machine rooms or servers built; any exception must be justified.',
    },
    paths: ['/phaseScheme/cloud/standaloneInfrastructure', '/phaseScheme/cloud', '/cloud/newMachineRoom', '/cloud/newServers', '/cloud/resources'],
    check: (i, ctx) => {
      const out: Violation[] = [];
      if (isProposal(i, ctx)) {
        const c = i.phaseScheme.cloud;
        if (c.standaloneInfrastructure) out.push({ path: '/phaseScheme/cloud/standaloneInfrastructure', vars: { what: '本项目拟新建独立的机房、服务器或存储', whatEn: 'The project builds stand-alone machine rooms, servers or storage' } });
        if (c.vcpu + c.memoryGb + c.storageTb === 0 && !some(c.description)) out.push({ path: '/phaseScheme/cloud', vars: { what: '未说明政务云资源使用', whatEn: 'Use of the government cloud is not described' } });
        return out;
      }
      const c = i.cloud;
      if (c.newMachineRoom) out.push({ path: '/cloud/newMachineRoom', vars: { what: '本项目拟新建机房', whatEn: 'The project builds a new machine room' } });
      if (c.newServers) out.push({ path: '/cloud/newServers', vars: { what: '本项目拟新购服务器或存储设备', whatEn: 'The project buys its own servers or storage' } });
      if (c.resources.vcpu + c.resources.memoryGB + c.resources.storageTB === 0 && !some(c.description)) {
        out.push({ path: '/cloud/resources', vars: { what: '未说明政务云资源使用', whatEn: 'Use of the government cloud is not described' } });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P11',
    group: 'P',
    filings: PF,
    severity: 'warning',
    citations: [opinion2013('五、（二）发挥国家电子政务网络支撑作用', 'V(2), the national e-government networks')],
    message: {
      zh: '网络：{problem}（涉密系统部署在电子政务内网，非涉密系统部署在电子政务外网，原则上不再新建部门专网）。',
      en: 'Network: {problemEn} (classified systems run on the government intranet, others on the government extranet, and no new departmental networks are built).',
    },
    paths: ['/phaseScheme/network/carriers/*', '/phaseScheme/network/type'],
    check: (i, ctx) => {
      const classified = i.project.securityLevel.scheme === 'classified';
      const nets: Array<{ path: string; net: string }> = isProposal(i, ctx)
        ? (i.phaseScheme.network?.carriers ?? []).map((net, n) => ({ path: `/phaseScheme/network/carriers/${n}`, net }))
        : [{ path: '/phaseScheme/network/type', net: i.phaseScheme.network.type }];
      const out: Violation[] = [];
      for (const { path, net } of nets) {
        if (net === 'departmental') out.push({ path, vars: { problem: '拟新建部门专网', problemEn: 'a new departmental network is planned' } });
        else if (classified && net !== 'egov-intranet') out.push({ path, vars: { problem: '涉密系统不得部署在电子政务外网或互联网', problemEn: 'a classified system must not run on the extranet or the Internet' } });
        else if (!classified && net === 'egov-intranet') out.push({ path, vars: { problem: '非涉密系统应部署在电子政务外网', problemEn: 'a non-classified system belongs on the extranet' } });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P12',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [gbf(10)],
    message: {
      zh: '跨部门共建项目须明确牵头部门，并提交框架方案（参建部门、接口、数据流和初步信息资源目录）：{missing}。',
      en: 'A cross-department project names its lead department and files a framework scheme (participants, interfaces, data flows, preliminary catalogue): {missingEn}.',
    },
    paths: ['/project/crossDepartment/leadDepartment', '/frameworkScheme', '/attachments/crossDepartmentFramework', '/overallScheme/crossDepartmentFramework/dataFlows'],
    enforcedBySchema: ['project-proposal'],
    check: (i, ctx) => {
      const cd = i.project.crossDepartment;
      if (!cd) return [];
      const out: Violation[] = [];
      if (!filled(cd.leadDepartment)) out.push({ path: '/project/crossDepartment/leadDepartment', vars: { missing: '未写明牵头部门', missingEn: 'the lead department is not named' } });
      if (isProposal(i, ctx)) {
        const f = i.frameworkScheme;
        if (!f) return [...out, { path: '/frameworkScheme', vars: { missing: '缺少框架方案', missingEn: 'the framework scheme is missing' } }];
        const parts: Array<[string, readonly unknown[], string, string]> = [
          ['interfaces', f.interfaces, '接口', 'interfaces'],
          ['dataFlows', f.dataFlows, '数据流', 'data flows'],
          ['catalogue', f.catalogue, '初步信息资源目录', 'preliminary catalogue'],
        ];
        for (const [key, xs, z, en] of parts) if (!some(xs)) out.push({ path: `/frameworkScheme/${key}`, vars: { missing: `框架方案缺少${z}`, missingEn: `the framework scheme has no ${en}` } });
        return out;
      }
      const chapter = i.overallScheme?.crossDepartmentFramework;
      if (!i.attachments?.crossDepartmentFramework && !chapter) {
        out.push({ path: '/attachments/crossDepartmentFramework', vars: { missing: '未附框架方案，总体方案中也没有跨部门框架', missingEn: 'no framework scheme is attached or described in the overall scheme' } });
      } else if (chapter && !some(chapter.dataFlows)) {
        out.push({ path: '/overallScheme/crossDepartmentFramework/dataFlows', vars: { missing: '跨部门框架未列出部门间数据流和接口', missingEn: 'the cross-department framework lists no data flows and interfaces' } });
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P13',
    group: 'P',
    filings: PF,
    severity: 'error',
    citations: [opinion2013('三、（二）中央和地方共建项目应统一规划整体立项', 'III(2), central–local co-built projects')],
    message: { zh: '中央和地方共建项目须附地方资金承诺函。', en: 'A central–local co-built project must attach the local funding commitment letter.' },
    paths: ['/centralLocal/commitment', '/attachments/localFundingCommitment'],
    enforcedBySchema: ['project-proposal'],
    check: (i, ctx) => {
      if (isProposal(i, ctx)) return i.centralLocal && !i.centralLocal.commitment ? [{ path: '/centralLocal/commitment' }] : [];
      return i.centralLocal && !i.attachments?.localFundingCommitment ? [{ path: '/attachments/localFundingCommitment' }] : [];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P14',
    group: 'P',
    filings: FS,
    severity: 'error',
    citations: [opinion2013('三、（一）2', 'III(1), item 2 (tendering)')],
    message: { zh: '可行性研究报告须有招标方案和招标基本情况表。', en: 'The feasibility study must contain the tendering plan and the tendering summary table.' },
    paths: ['/tendering', '/tendering/packages'],
    enforcedBySchema: FS,
    check: (i) => {
      if (!i.tendering) return [{ path: '/tendering' }];
      return some(i.tendering.packages) ? [] : [{ path: '/tendering/packages' }];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P15',
    group: 'P',
    filings: FS,
    // A warning in general, an error for projects the NDRC approves (the 2013 Opinion's own scope).
    severity: 'warning',
    citations: [opinion2013('三、（一）3', 'III(1), item 3 (social-stability risk)')],
    message: {
      zh: '可行性研究报告应有社会稳定风险分析独立篇章（国家发展改革委审批的项目必须具备）。',
      en: 'The feasibility study should contain a separate social-stability risk chapter (mandatory for projects approved by the NDRC).',
    },
    paths: ['/socialStabilityRisk'],
    check: (i, ctx) => {
      if (i.socialStabilityRisk) return [];
      return [{ path: '/socialStabilityRisk', ...(ctx.profile === 'national' && ndrcApproved(i.project.approvingDepartment) ? { severity: 'error' as const } : {}) }];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P16',
    group: 'P',
    filings: FS,
    severity: 'warning',
    citations: [gbf(8), opinion2013('三、（一）1、4', 'III(1), items 1 and 4')],
    message: {
      zh: '节能、规划选址、用地和环评事项：{detail}。',
      en: 'Energy, site, land and environmental items: {detailEn}.',
    },
    paths: ['/energy/energySaving', '/energy/siteAndLand', '/energy/environment', '/attachments/energyAssessment', '/attachments/siteLandEnvironment'],
    check: (i) => {
      const e = i.energy;
      const a = i.attachments;
      const out: Violation[] = [];
      const need = (path: string, z: string, en: string) => out.push({ path, vars: { detail: `${z}，应予写明或附上`, detailEn: `${en} must be given or attached` } });
      if (e.civilWorks || e.highEnergy) {
        if (!some(e.energySaving)) need('/energy/energySaving', '新建土建工程或高耗能项目缺少节能分析', 'with new civil works or high energy use, the energy-saving analysis');
        if (!a?.energyAssessment) need('/attachments/energyAssessment', '新建土建工程或高耗能项目缺少节能评估文件', 'with new civil works or high energy use, the energy-saving assessment');
      }
      if (e.civilWorks) {
        if (!some(e.siteAndLand)) need('/energy/siteAndLand', '新建土建工程缺少规划选址和用地说明', 'with new civil works, the site and land statement');
        if (!some(e.environment)) need('/energy/environment', '新建土建工程缺少环境影响说明', 'with new civil works, the environmental impact statement');
        if (!some(a?.siteLandEnvironment)) need('/attachments/siteLandEnvironment', '新建土建工程缺少规划选址、用地预审或环评文件', 'with new civil works, the site, land or EIA documents');
      }
      if (!e.civilWorks && !e.highEnergy) {
        const waived: Array<[string, readonly unknown[] | undefined]> = [['/energy/energySaving', e.energySaving]];
        waived.push(['/energy/siteAndLand', e.siteAndLand], ['/energy/environment', e.environment]);
        for (const [path, paras] of waived) {
          if (some(paras)) out.push({ path, vars: { detail: '不新建土建工程且非高耗能的项目不再开展该项评价，可删去或以一句话说明', detailEn: 'without new civil works or high energy use this review is waived; leave it out or state so in one line' } });
        }
      }
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P17',
    group: 'P',
    filings: PF,
    profiles: ['national'],
    severity: 'warning',
    citations: [opinion2013('四、（三）明确需求分析工作的基础地位', 'IV(3), requirements analysis')],
    message: {
      zh: '国家项目应依据经专家评审的需求分析报告编制，须引用{what}。',
      en: 'A national project is drafted from an expert-reviewed requirements analysis report; reference {whatEn}.',
    },
    paths: ['/requirementsReport', '/attachments/requirementsReport', '/attachments/requirementsReview'],
    check: (i, ctx) => {
      if (isProposal(i, ctx)) return i.requirementsReport ? [] : [{ path: '/requirementsReport', vars: { what: '需求分析报告及专家评审意见', whatEn: 'the requirements analysis report and its expert review opinion' } }];
      const out: Violation[] = [];
      if (!i.attachments?.requirementsReport) out.push({ path: '/attachments/requirementsReport', vars: { what: '需求分析报告', whatEn: 'the requirements analysis report' } });
      if (!i.attachments?.requirementsReview) out.push({ path: '/attachments/requirementsReview', vars: { what: '需求分析报告的专家评审意见', whatEn: 'the expert review opinion on it' } });
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P18',
    group: 'P',
    filings: PF,
    profiles: ['district'],
    severity: 'error',
    citations: [district(7)],
    message: {
      zh: '运维服务类项目须附{what}。',
      en: 'An O&M service project must attach {whatEn}.',
    },
    paths: ['/previousProject/contract', '/previousProject/performanceEvaluation', '/attachments/previousContract', '/attachments/previousPerformanceReport'],
    enforcedBySchema: ['project-proposal'],
    check: (i, ctx) => {
      if (i.project.type !== 'operation') return [];
      const contract = { what: '原建设项目合同或上年度运维服务合同', whatEn: 'the original construction contract or the previous O&M contract' };
      const report = { what: '上一期项目绩效评价报告', whatEn: 'the previous performance evaluation report' };
      if (isProposal(i, ctx)) {
        const p = i.previousProject;
        if (!p) return [{ path: '/previousProject', vars: { what: `${contract.what}和${report.what}`, whatEn: `${contract.whatEn} and ${report.whatEn}` } }];
        return [...(p.contract ? [] : [{ path: '/previousProject/contract', vars: contract }]), ...(p.performanceEvaluation ? [] : [{ path: '/previousProject/performanceEvaluation', vars: report }])];
      }
      return [
        ...(i.attachments?.previousContract ? [] : [{ path: '/attachments/previousContract', vars: contract }]),
        ...(i.attachments?.previousPerformanceReport ? [] : [{ path: '/attachments/previousPerformanceReport', vars: report }]),
      ];
    },
  }),
  defineRule<PIn>({
    id: 'P19',
    group: 'P',
    filings: PF,
    profiles: ['district'],
    severity: 'warning',
    citations: [district(8)],
    message: {
      zh: '建设内容“{name}”属于{category}，按规定无特殊情况不再单独建设，应依托区内共享基础设施。',
      en: 'Construction item "{name}" is one of the {categoryEn}, which are no longer built separately without special circumstances; use the shared infrastructure.',
    },
    paths: ['/phaseScheme/constructionContent/*/subsystem'],
    check: (i) => {
      const out: Violation[] = [];
      i.phaseScheme.constructionContent.forEach((c, n) => {
        const name = zh(c.subsystem);
        const hit = SEPARATE_BUILD.find((s) => s.re.test(name));
        if (hit) out.push({ path: `/phaseScheme/constructionContent/${n}/subsystem`, vars: { name, category: hit.zh, categoryEn: hit.en } });
      });
      return out;
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P20',
    group: 'P',
    filings: FS,
    severity: 'warning',
    citations: [{ doc: 'fgg-2008-2544', article: item('附件2 第一章', 'Annex 2, ch. 1') }, gbf(7)],
    message: {
      zh: '建议书与可研的衔接：{what}。',
      en: 'Proposal and feasibility study: {whatEn}.',
    },
    paths: ['/proposalApproval', '/changesSinceProposal'],
    check: (i, ctx) => {
      if (i.proposalApproval) {
        return some(i.changesSinceProposal)
          ? []
          : [{ path: '/changesSinceProposal', vars: { what: '项目建议书已批复，应说明可行性研究报告相对建议书批复的调整情况', whatEn: 'The proposal was approved; state what the feasibility study changes against that approval' } }];
      }
      // 57号 Art. 7: nationally the 可研 follows an approved proposal unless the project is in an approved plan.
      if (ctx.profile === 'national' && !i.inNationalPlan) {
        return [{ path: '/proposalApproval', vars: { what: '未列入已批准规划的项目应先报批项目建议书，须写明建议书批复', whatEn: 'A project not in an approved plan files its proposal first; give the proposal approval' } }];
      }
      return [];
    },
  }),
  defineRule<AcceptanceReportInput>({
    id: 'P21',
    group: 'P',
    filings: ['acceptance-report'],
    severity: 'warning',
    citations: [{ doc: 'customary', article: item('《政府投资条例》第十二条', 'Regulations on Government Investment, Art. 12') }],
    message: {
      zh: '初步设计概算{budget}万元超过可行性研究报告投资估算{estimate}万元的10%（超出{excess}），应向审批部门报告，审批部门可要求重新报送可行性研究报告。',
      en: 'The preliminary-design budget of {budget} (CNY 10k) exceeds the feasibility estimate of {estimate} by more than 10 % ({excess}); report it to the approving department, which may ask for a new feasibility study.',
    },
    paths: ['/approvals/*/amount'],
    // Only where both figures are recorded: the latest 可研 approval and the latest 初设概算 approval with amounts.
    check: (i) => {
      let estimate: number | undefined;
      let budget: { n: number; amount: number } | undefined;
      (i.approvals ?? []).forEach((a, n) => {
        if (a.amount === undefined) return;
        if (a.stage === 'feasibility') estimate = a.amount;
        if (a.stage === 'preliminary-design') budget = { n, amount: a.amount };
      });
      if (estimate === undefined || budget === undefined || estimate <= 0) return [];
      if (toCents(budget.amount) * 10 <= toCents(estimate) * 11) return [];
      return [{ path: `/approvals/${budget.n}/amount`, vars: { budget: money(budget.amount), estimate: money(estimate), excess: formatPercent(((budget.amount - estimate) / estimate) * 100) } }];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P22',
    group: 'P',
    filings: FS,
    severity: 'warning',
    citations: [gbf(19)],
    message: {
      zh: '未见工程监理安排（组织机构、招标方案或投资估算中均无监理），建设项目应实行工程监理制。',
      en: 'No engineering supervision (监理) is arranged — none in the organisation, the tendering plan or the estimate; construction projects are supervised.',
    },
    paths: ['/organisation/supervision'],
    // O&M and purchased-service projects have no construction to supervise.
    check: (i) => {
      if (i.project.type === 'operation' || i.project.type === 'service') return [];
      if (some(i.organisation?.supervision)) return [];
      if ((i.tendering?.packages ?? []).some((p) => p.category === 'supervision' || /监理/.test(zh(p.name)))) return [];
      if ((i.investment?.estimate ?? []).some((e) => /监理/.test(zh(e.item)))) return [];
      if (i.project.investmentBreakdown.some((b) => /监理/.test(zh(b.item)))) return [];
      return [{ path: '/organisation/supervision' }];
    },
  }),
];
