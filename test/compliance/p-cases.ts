// Cases for the P rules (项目建议书 / 可研; P21 on the acceptance report, the only filing that records both the 可研
// estimate and the 初设概算).
import type { RuleCase } from './rule-case.ts';

const PP = 'project-proposal' as const;
const FS = 'feasibility-study' as const;
const AR = 'acceptance-report' as const;
/** National, 扩建, cross-department, central–local, all catalogue attributes given. */
const PP_NAT = 'national-enterprise-credit-sharing';
/** National, classified (分保 机密), 政务内网. */
const PP_CLS = 'national-emergency-command-classified';
/** District O&M project. */
const PP_DIS = 'district-gov-service-platform-om';
/** National, 扩建, cross-department, NDRC-approved, after an approved proposal. */
const FS_NAT = 'national-enterprise-credit-platform';
/** District, new civil works (annex building). */
const FS_DIS = 'district-city-operations-centre';

const toDistrict = (i: any) => (i.project.jurisdiction = { profile: 'district', name: '聊城高新技术产业开发区', regionCode: '371571' }); // eslint-disable-line @typescript-eslint/no-explicit-any
const noSupervision = (s: string) => s.replace(/监理/g, '咨询');

export const P_CASES: RuleCase[] = [
  // P1: 改建/扩建 ⇒ third-party post-evaluation (proposal: schema; 可研: attachment slot); a new project needs none.
  { rule: 'P1', filing: PP, sample: PP_NAT, mutate: (i) => delete i.previousProject.postEvaluation, paths: ['/previousProject/postEvaluation'] },
  {
    rule: 'P1',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => {
      i.project.type = 'new';
      delete i.attachments.postEvaluationReport;
    },
    mutate: (i) => delete i.attachments.postEvaluationReport,
    paths: ['/attachments/postEvaluationReport'],
  },
  // P2: one catalogue entry is enough; none is not.
  { rule: 'P2', filing: FS, sample: FS_NAT, pass: (i) => (i.sharingChapter.catalogue = [i.sharingChapter.catalogue[0]]), mutate: (i) => (i.sharingChapter.catalogue = []), paths: ['/sharingChapter/catalogue'] },
  { rule: 'P3', filing: PP, sample: PP_NAT, pass: (i) => (i.requirements.sharing.catalogue[0].items = [i.requirements.sharing.catalogue[0].items[0]]), mutate: (i) => delete i.requirements.sharing.catalogue[0].traceability, paths: ['/requirements/sharing/catalogue/0/traceability'] },
  { rule: 'P3', filing: FS, sample: FS_NAT, mutate: (i) => delete i.sharingChapter.catalogue[1].technicalInterface, paths: ['/sharingChapter/catalogue/1/technicalInterface'] },
  {
    rule: 'P4',
    filing: PP,
    sample: PP_NAT,
    pass: (i) => {
      i.requirements.sharing.catalogue[0].shareType = 'conditional';
      i.requirements.sharing.catalogue[0].shareCondition = '按需申请';
    },
    mutate: (i) => (i.requirements.sharing.catalogue[0].shareType = 'conditional'),
    paths: ['/requirements/sharing/catalogue/0/shareCondition'],
  },
  { rule: 'P4', filing: FS, sample: FS_NAT, mutate: (i) => (i.sharingChapter.catalogue[0].shareType = 'not-shared'), paths: ['/sharingChapter/catalogue/0/shareBasis'] },
  // P5: open data opened to named firms only; unconditional data restricted to one department.
  {
    rule: 'P5',
    filing: PP,
    sample: PP_NAT,
    // Opening on conditions is allowed; opening to particular firms only is not.
    pass: (i) => (i.requirements.sharing.catalogue[0].openness.condition = { zh: '向社会开放，使用者须实名注册', en: 'Open to the public after real-name registration' }),
    mutate: (i) => (i.requirements.sharing.catalogue[0].openness.condition = { zh: '仅向签约的征信机构开放', en: 'Opened only to contracted credit agencies' }),
    paths: ['/requirements/sharing/catalogue/0/openness/condition'],
  },
  { rule: 'P5', filing: FS, sample: FS_NAT, mutate: (i) => (i.sharingChapter.catalogue[1].shareCondition = '仅向国家税务总局共享'), paths: ['/sharingChapter/catalogue/1/shareCondition'] },
  // P6: national proposals are checked by the rule (warning); the 可研 schema requires every attribute.
  {
    rule: 'P6',
    filing: PP,
    sample: PP_NAT,
    // The five attributes are source, format, update cycle, sharing and openness: an entry without a summary still has them.
    pass: (i) => delete i.requirements.sharing.catalogue[1].summary,
    mutate: (i) => {
      delete i.requirements.sharing.catalogue[1].source;
      delete i.requirements.sharing.catalogue[1].openness;
    },
    paths: ['/requirements/sharing/catalogue/1/source', '/requirements/sharing/catalogue/1/openness'],
  },
  { rule: 'P6', filing: FS, sample: FS_NAT, mutate: (i) => delete i.sharingChapter.catalogue[0].updateCycle, paths: ['/sharingChapter/catalogue/0/updateCycle'] },
  // P7: the level must belong to its scheme.
  { rule: 'P7', filing: PP, sample: PP_CLS, pass: (i) => (i.project.securityLevel.level = 'top-secret'), mutate: (i) => (i.project.securityLevel.level = 3), paths: ['/project/securityLevel/level'] },
  { rule: 'P7', filing: FS, sample: FS_NAT, mutate: (i) => (i.project.securityLevel.level = 'secret'), paths: ['/project/securityLevel/level'] },
  {
    rule: 'P8',
    filing: PP,
    sample: PP_NAT,
    pass: (i) => {
      const c = i.phaseScheme.crypto;
      i.phaseScheme.crypto = { summary: [c.summary[0]], measures: [c.measures[0]] };
    },
    mutate: (i) => delete i.phaseScheme.crypto,
    paths: ['/phaseScheme/crypto'],
  },
  { rule: 'P8', filing: FS, sample: FS_NAT, mutate: (i) => delete i.cryptography, paths: ['/cryptography'] },
  { rule: 'P9', filing: PP, sample: PP_DIS, mutate: (i) => delete i.phaseScheme.productSafety, paths: ['/phaseScheme/productSafety'] },
  { rule: 'P9', filing: FS, sample: FS_DIS, pass: (i) => (i.productSafety = { statement: [i.productSafety.statement[0]] }), mutate: (i) => delete i.productSafety, paths: ['/productSafety'] },
  {
    rule: 'P10',
    filing: PP,
    sample: PP_NAT,
    mutate: (i) => {
      i.phaseScheme.cloud.standaloneInfrastructure = true;
      i.phaseScheme.cloud.standaloneReason = '信用档案库数据量大，需独立部署存储。';
    },
    paths: ['/phaseScheme/cloud/standaloneInfrastructure'],
  },
  {
    rule: 'P10',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => {
      i.cloud.newMachineRoom = false;
      i.cloud.newServers = false;
    },
    mutate: (i) => {
      i.cloud.newMachineRoom = true;
      i.cloud.newServers = true;
    },
    paths: ['/cloud/newMachineRoom', '/cloud/newServers'],
  },
  // P11: classified off the intranet; non-classified on the intranet; a new departmental network.
  { rule: 'P11', filing: PP, sample: PP_CLS, pass: (i) => (i.phaseScheme.network.carriers = ['egov-intranet']), mutate: (i) => i.phaseScheme.network.carriers.push('internet'), paths: ['/phaseScheme/network/carriers/1'] },
  { rule: 'P11', filing: PP, sample: PP_NAT, mutate: (i) => (i.phaseScheme.network.carriers[0] = 'egov-intranet'), paths: ['/phaseScheme/network/carriers/0'] },
  { rule: 'P11', filing: FS, sample: FS_NAT, mutate: (i) => (i.phaseScheme.network.type = 'departmental'), paths: ['/phaseScheme/network/type'] },
  {
    rule: 'P12',
    filing: PP,
    sample: PP_NAT,
    // One interface, one data flow and one catalogue entry make a framework scheme.
    pass: (i) => {
      const f = i.frameworkScheme;
      f.interfaces = [f.interfaces[0]];
      f.dataFlows = [f.dataFlows[0]];
      f.catalogue = [f.catalogue[0]];
    },
    mutate: (i) => delete i.frameworkScheme,
    paths: ['/frameworkScheme'],
  },
  {
    rule: 'P12',
    filing: FS,
    sample: FS_NAT,
    mutate: (i) => {
      delete i.attachments.crossDepartmentFramework;
      delete i.overallScheme.crossDepartmentFramework;
    },
    paths: ['/attachments/crossDepartmentFramework'],
  },
  { rule: 'P12', filing: FS, sample: FS_NAT, mutate: (i) => (i.overallScheme.crossDepartmentFramework.dataFlows = []), paths: ['/overallScheme/crossDepartmentFramework/dataFlows'] },
  { rule: 'P13', filing: PP, sample: PP_NAT, mutate: (i) => delete i.centralLocal.commitment, paths: ['/centralLocal/commitment'] },
  {
    rule: 'P13',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => {
      i.centralLocal = true;
      i.attachments.localFundingCommitment = { title: '地方配套资金承诺函', date: '2024-08-30' };
    },
    mutate: (i) => (i.centralLocal = true),
    paths: ['/attachments/localFundingCommitment'],
  },
  { rule: 'P14', filing: FS, sample: FS_NAT, pass: (i) => (i.tendering.packages = [i.tendering.packages[0]]), mutate: (i) => (i.tendering.packages = []), paths: ['/tendering/packages'] },
  // P15: an error for an NDRC-approved project, a warning for any other.
  {
    rule: 'P15',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => (i.socialStabilityRisk = { level: 'low', analysis: ['项目不涉及征地拆迁。'], measures: ['建立舆情监测机制。'] }),
    mutate: (i) => delete i.socialStabilityRisk,
    paths: ['/socialStabilityRisk'],
    severity: 'error',
  },
  {
    rule: 'P15',
    filing: FS,
    sample: FS_NAT,
    mutate: (i) => {
      toDistrict(i);
      delete i.socialStabilityRisk;
    },
    paths: ['/socialStabilityRisk'],
    severity: 'warning',
  },
  {
    rule: 'P15',
    filing: FS,
    sample: FS_NAT,
    mutate: (i) => {
      i.project.approvingDepartment = { zh: '国家市场监督管理总局', en: 'State Administration for Market Regulation' };
      delete i.socialStabilityRisk;
    },
    paths: ['/socialStabilityRisk'],
    severity: 'warning',
  },
  // P16: civil works without the reviews; a district annex without its EIA statement; reviews filled although waived.
  {
    rule: 'P16',
    filing: FS,
    sample: FS_NAT,
    // Without civil works or high energy use, a statement without the reviews is right (57号 Art. 8).
    pass: (i) => (i.energy.civilWorks = false),
    mutate: (i) => (i.energy.civilWorks = true),
    paths: ['/energy/energySaving', '/attachments/energyAssessment', '/energy/siteAndLand', '/energy/environment', '/attachments/siteLandEnvironment'],
  },
  { rule: 'P16', filing: FS, sample: FS_DIS, mutate: (i) => delete i.energy.environment, paths: ['/energy/environment'] },
  { rule: 'P16', filing: FS, sample: FS_NAT, mutate: (i) => (i.energy.energySaving = ['采用高效节能服务器，机房PUE不高于1.3。']), paths: ['/energy/energySaving'] },
  // P17: national projects only — a district proposal without the report is not asked for it.
  {
    rule: 'P17',
    filing: PP,
    sample: PP_NAT,
    pass: (i) => {
      toDistrict(i);
      delete i.requirementsReport;
      // (the district schema wants every catalogue attribute declared)
      for (const e of i.requirements.sharing.catalogue) {
        e.source ??= '部门业务系统';
        e.updateCycle ??= '每日';
        e.openness ??= { open: false };
      }
    },
    mutate: (i) => delete i.requirementsReport,
    paths: ['/requirementsReport'],
  },
  { rule: 'P17', filing: FS, sample: FS_NAT, mutate: (i) => delete i.attachments.requirementsReview, paths: ['/attachments/requirementsReview'] },
  { rule: 'P18', filing: PP, sample: PP_DIS, pass: (i) => (i.project.type = 'new'), mutate: (i) => delete i.previousProject.performanceEvaluation, paths: ['/previousProject/performanceEvaluation'] },
  { rule: 'P18', filing: FS, sample: FS_DIS, mutate: (i) => (i.project.type = 'operation'), paths: ['/attachments/previousContract', '/attachments/previousPerformanceReport'] },
  // P19: a meeting-room booking module is not a video-conference system.
  { rule: 'P19', filing: PP, sample: PP_DIS, pass: (i) => (i.phaseScheme.constructionContent[0].subsystem = '会议室预约模块'), mutate: (i) => (i.phaseScheme.constructionContent[0].subsystem = '视频会议系统'), paths: ['/phaseScheme/constructionContent/0/subsystem'] },
  {
    rule: 'P19',
    filing: FS,
    sample: FS_DIS,
    mutate: (i) => (i.phaseScheme.constructionContent[2].subsystem = { zh: '协同办公及即时通讯系统', en: 'Collaborative office and instant messaging' }),
    paths: ['/phaseScheme/constructionContent/2/subsystem'],
  },
  { rule: 'P20', filing: FS, sample: FS_NAT, pass: (i) => (i.changesSinceProposal = [i.changesSinceProposal[0]]), mutate: (i) => (i.changesSinceProposal = []), paths: ['/changesSinceProposal'] },
  {
    rule: 'P20',
    filing: FS,
    sample: FS_NAT,
    mutate: (i) => {
      delete i.proposalApproval;
      i.inNationalPlan = false;
    },
    paths: ['/proposalApproval'],
  },
  // P21: 概算 against a 可研 estimate of 10,120: 10 % more is 11,132.00, still within; 11,132.01 is over.
  { rule: 'P21', filing: AR, sample: 'national-disaster-warning-platform', pass: (i) => (i.approvals[1].amount = 11132), mutate: (i) => (i.approvals[1].amount = 11132.01), paths: ['/approvals/1/amount'] },
  {
    rule: 'P22',
    filing: FS,
    sample: FS_NAT,
    mutate: (i) => {
      delete i.organisation.supervision;
      for (const p of i.tendering.packages) {
        if (p.category === 'supervision') p.category = 'services';
        p.name = typeof p.name === 'string' ? noSupervision(p.name) : { ...p.name, zh: noSupervision(p.name.zh) };
      }
      for (const e of i.investment.estimate) e.item = typeof e.item === 'string' ? noSupervision(e.item) : { ...e.item, zh: noSupervision(e.item.zh) };
      for (const b of i.project.investmentBreakdown) b.item = typeof b.item === 'string' ? noSupervision(b.item) : { ...b.item, zh: noSupervision(b.item.zh) };
    },
    paths: ['/organisation/supervision'],
  },
  // One place naming supervision is enough: the organisation chapter alone.
  {
    rule: 'P22',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => {
      for (const p of i.tendering.packages) {
        if (p.category === 'supervision') p.category = 'services';
        p.name = typeof p.name === 'string' ? noSupervision(p.name) : { ...p.name, zh: noSupervision(p.name.zh) };
      }
    },
    mutate: (i) => {
      delete i.organisation.supervision;
      for (const p of i.tendering.packages) {
        if (p.category === 'supervision') p.category = 'services';
        p.name = typeof p.name === 'string' ? noSupervision(p.name) : { ...p.name, zh: noSupervision(p.name.zh) };
      }
      for (const e of i.investment.estimate) e.item = typeof e.item === 'string' ? noSupervision(e.item) : { ...e.item, zh: noSupervision(e.item.zh) };
      for (const b of i.project.investmentBreakdown) b.item = typeof b.item === 'string' ? noSupervision(b.item) : { ...b.item, zh: noSupervision(b.item.zh) };
    },
    paths: ['/organisation/supervision'],
  },

  // P23 (district Art. 28): MLPS level 3 and above has its cryptography plan reviewed by experts; level 2 need not.
  {
    rule: 'P23',
    filing: PP,
    sample: PP_DIS,
    pass: (i) => {
      i.project.securityLevel.level = 2;
      delete i.phaseScheme.crypto.expertReview;
    },
    mutate: (i) => delete i.phaseScheme.crypto.expertReview,
    paths: ['/phaseScheme/crypto/expertReview'],
    severity: 'warning',
  },
  { rule: 'P23', filing: PP, sample: PP_DIS, pass: (i) => (i.phaseScheme.crypto.expertReview.conclusion = 'passed-with-changes'), mutate: (i) => (i.phaseScheme.crypto.expertReview.conclusion = 'failed'), paths: ['/phaseScheme/crypto/expertReview/conclusion'], severity: 'error' },
  {
    rule: 'P23',
    filing: FS,
    sample: FS_DIS,
    // At level 3 the 可研 states the review, or attaches its opinion.
    pass: (i) => {
      i.project.securityLevel.level = 3;
      i.attachments.cryptoPlanReview = { title: '城市运行管理中心密码应用方案专家评审意见', date: '2024-10-30' };
    },
    mutate: (i) => (i.project.securityLevel.level = 3),
    paths: ['/cryptography/expertReview'],
  },

  // P24: each entry names its responsible department; resources already published by the report date (2024-09-20) are
  // registered, a registration dated the report day is fine, the next day is not yet.
  { rule: 'P24', filing: FS, sample: FS_NAT, pass: (i) => (i.sharingChapter.catalogue[0].registration.date = '2024-09-20'), mutate: (i) => (i.sharingChapter.catalogue[0].registration.date = '2024-09-21'), paths: ['/sharingChapter/catalogue/0/registration/date'], severity: 'error' },
  { rule: 'P24', filing: FS, sample: FS_NAT, mutate: (i) => delete i.sharingChapter.catalogue[0].responsibleDepartment, paths: ['/sharingChapter/catalogue/0/responsibleDepartment'] },
  // Published on the report date: registered by then; published the day after: not yet.
  {
    rule: 'P24',
    filing: FS,
    sample: FS_NAT,
    pass: (i) => {
      i.sharingChapter.catalogue[21].publishDate = '2024-09-21';
    },
    mutate: (i) => {
      i.sharingChapter.catalogue[21].publishDate = '2024-09-20';
    },
    paths: ['/sharingChapter/catalogue/21/registration'],
  },
  { rule: 'P24', filing: PP, sample: PP_NAT, mutate: (i) => delete i.requirements.sharing.catalogue[4].responsibleDepartment, paths: ['/requirements/sharing/catalogue/4/responsibleDepartment'] },
];
