// The P rules only the 可行性研究报告 has (regulations.md §7.2): the sharing chapter (P2), tendering (P14), the
// social-stability chapter (P15), energy, site and environment (P16), the link to the proposal (P20) and supervision (P22).
import { item } from '../../regulations/documents.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import type { LText } from '../schema-parts.ts';
import { enOf, zhOf } from '../prose/bilingual.ts';
import { gbf, opinion2013, some } from '../approval-stage/input.ts';
import type { FeasibilityStudyInput } from './schema.ts';

const FS = ['feasibility-study'];

/** Approved by the National Development and Reform Commission (2013意见 applies to its projects). */
function ndrcApproved(approvingDepartment: LText): boolean {
  const z = zhOf(approvingDepartment);
  const en = enOf(approvingDepartment);
  return /国家发展和改革委员会|国家发展改革委|国家发改委/.test(z) || /National Development and Reform Commission|\bNDRC\b/.test(en);
}

export const FEASIBILITY_RULES: readonly Rule<FeasibilityStudyInput>[] = [
  defineRule<FeasibilityStudyInput>({
    id: 'P2',
    group: 'P',
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
  defineRule<FeasibilityStudyInput>({
    id: 'P14',
    group: 'P',
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
      return [{ path: '/socialStabilityRisk', ...(ctx.jurisdiction.scope === 'national' && ndrcApproved(i.project.approvingDepartment) ? { severity: 'error' as const } : {}) }];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P16',
    group: 'P',
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
  defineRule<FeasibilityStudyInput>({
    id: 'P20',
    group: 'P',
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
      if (ctx.jurisdiction.scope === 'national' && !i.inNationalPlan) {
        return [{ path: '/proposalApproval', vars: { what: '未列入已批准规划的项目应先报批项目建议书，须写明建议书批复', whatEn: 'A project not in an approved plan files its proposal first; give the proposal approval' } }];
      }
      return [];
    },
  }),
  defineRule<FeasibilityStudyInput>({
    id: 'P22',
    group: 'P',
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
      if ((i.tendering?.packages ?? []).some((p) => p.category === 'supervision' || /监理/.test(zhOf(p.name)))) return [];
      if ((i.investment?.estimate ?? []).some((e) => /监理/.test(zhOf(e.item)))) return [];
      if (i.project.investmentBreakdown.some((b) => /监理/.test(zhOf(b.item)))) return [];
      return [{ path: '/organisation/supervision' }];
    },
  }),
];
