// The P rules the 项目建议书 and the 可行性研究报告 share (regulations.md §7.2), each reading the input of either: earlier
// projects (P1, P18), security level, cryptography, products, cloud and network (P7–P11), cross-department and
// central–local projects (P12, P13), the requirements report (P17) and separately built systems (P19). The catalogue rules
// (P3–P6) are in catalogue-rules.ts; rules only the 可研 has are in its own rules.ts.
import { defineRule, type Rule, type RuleContext, type Violation } from '../../compliance/rule.ts';
import { zhOf } from '../prose/bilingual.ts';
import { CATALOGUE_RULES } from './catalogue-rules.ts';
import { district, filled, gbf, isProposal, opinion2013, some, type ApprovalStageInput } from './input.ts';
import { citeMeasure, profilesWhere } from '../../regulations/profiles.ts';

type PIn = ApprovalStageInput;
const PF = ['project-proposal', 'feasibility-study'];

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

/** District Art. 7(2): what an O&M service project attaches — the previous contract and performance evaluation. */
function operationAttachments(i: PIn, ctx: RuleContext): Violation[] {
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
}

const SHARED_RULES: readonly Rule<PIn>[] = [
  defineRule<PIn>({
    id: 'P1',
    group: 'P',
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
  defineRule<PIn>({
    id: 'P7',
    group: 'P',
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
  defineRule<PIn>({
    id: 'P17',
    group: 'P',
    // The 2013 Opinion governs national e-government projects.
    profiles: profilesWhere((p) => p.scope === 'national'),
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
    profiles: profilesWhere((p) => p.approvalStage.operationProjectAttachments !== null),
    severity: 'error',
    citations: [district(7)],
    message: {
      zh: '运维服务类项目须附{what}。',
      en: 'An O&M service project must attach {whatEn}.',
    },
    paths: ['/previousProject/contract', '/previousProject/performanceEvaluation', '/attachments/previousContract', '/attachments/previousPerformanceReport'],
    enforcedBySchema: ['project-proposal'],
    check: (i, ctx) => {
      const at = ctx.jurisdiction.approvalStage.operationProjectAttachments;
      return at ? operationAttachments(i, ctx).map((v) => ({ ...v, citations: [citeMeasure(ctx.jurisdiction, at.article)] })) : [];
    },
  }),
  defineRule<PIn>({
    id: 'P19',
    group: 'P',
    profiles: profilesWhere((p) => p.approvalStage.noSeparateBuild !== null),
    severity: 'warning',
    citations: [district(8)],
    message: {
      zh: '建设内容“{name}”属于{category}，按规定无特殊情况不再单独建设，应依托区内共享基础设施。',
      en: 'Construction item "{name}" is one of the {categoryEn}, which are no longer built separately without special circumstances; use the shared infrastructure.',
    },
    paths: ['/phaseScheme/constructionContent/*/subsystem'],
    check: (i, ctx) => {
      const rule = ctx.jurisdiction.approvalStage.noSeparateBuild;
      if (!rule) return [];
      const out: Violation[] = [];
      i.phaseScheme.constructionContent.forEach((c, n) => {
        const name = zhOf(c.subsystem);
        const hit = SEPARATE_BUILD.find((s) => s.re.test(name));
        if (hit) out.push({ path: `/phaseScheme/constructionContent/${n}/subsystem`, vars: { name, category: hit.zh, categoryEn: hit.en }, citations: [citeMeasure(ctx.jurisdiction, rule.article)] });
      });
      return out;
    },
  }),
  defineRule<PIn>({
    id: 'P23',
    group: 'P',
    profiles: profilesWhere((p) => p.cryptoPlanReview !== null),
    severity: 'warning',
    citations: [district(28)],
    message: {
      zh: '网络安全等级保护第{level}级系统的密码应用方案应在规划阶段组织专家或委托评估机构评估：{problem}。',
      en: 'The cryptography plan of a system at MLPS level {level} is assessed by experts or an assessment body at the planning stage: {problemEn}.',
    },
    note: {
      zh: '区级办法第二十八条所称“重要领域网络和信息系统”按网络安全等级保护第三级及以上理解；涉密系统的密码保障按保密规定另行审查，不在此列。',
      en: "The district measure's Art. 28 speaks of important network and information systems, read as MLPS level 3 and above; classified systems have their cryptography reviewed under the secrecy rules instead.",
    },
    paths: ['/phaseScheme/crypto/expertReview', '/phaseScheme/crypto/expertReview/conclusion', '/cryptography/expertReview', '/cryptography/expertReview/conclusion'],
    check: (i, ctx) => {
      const rule = ctx.jurisdiction.cryptoPlanReview;
      const s = i.project.securityLevel;
      if (!rule || s.scheme !== 'mlps' || typeof s.level !== 'number' || s.level < rule.fromLevel) return [];
      const base = isProposal(i, ctx) ? '/phaseScheme/crypto/expertReview' : '/cryptography/expertReview';
      const review = isProposal(i, ctx) ? i.phaseScheme.crypto.expertReview : i.cryptography.expertReview;
      const citations = [citeMeasure(ctx.jurisdiction, rule.article)];
      // A review opinion attached to the 可研 stands for the review when its details are not given.
      if (!review && !isProposal(i, ctx) && i.attachments?.cryptoPlanReview) return [];
      if (!review) return [{ path: base, vars: { level: s.level, problem: '未写明专家评估情况（评估单位、日期和结论）', problemEn: 'the expert review (by whom, when, conclusion) is not stated' }, citations }];
      if (review.conclusion !== 'failed') return [];
      return [{ path: `${base}/conclusion`, severity: 'error', vars: { level: s.level, problem: '专家评估结论为不通过，应修改方案并重新评估', problemEn: 'the review did not pass the plan; revise it and have it reviewed again' }, citations }];
    },
  }),
];
/** The P rules both approval-stage reports list. */
export const APPROVAL_STAGE_RULES: readonly Rule<PIn>[] = [...SHARED_RULES, ...CATALOGUE_RULES];
