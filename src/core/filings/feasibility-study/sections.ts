// Section registry of the 可行性研究报告: 2544号 附件2 chapters in order, with the 57号 / 2013意见 additions (regulations.md §2).
import type { SectionCondition, SectionDef } from '../filing.ts';
import { art, item, type Citation } from '../../regulations/documents.ts';
import type { FeasibilityStudyInput } from './schema.ts';
import { attachmentDocuments } from './figures.ts';
import { profileData, profilesWhere } from '../../regulations/profiles.ts';

type I = FeasibilityStudyInput;

const OUTLINE: Citation = { doc: 'fgg-2008-2544', article: item('附件2', 'Annex 2') };
const CUSTOMARY: Citation = { doc: 'customary' };
const gbf = (n: number): Citation => ({ doc: 'gbf-2019-57', article: art(n) });
const opinion = (zh: string, en: string): Citation => ({ doc: 'fgg-2013-266', article: item(zh, en) });
const district = (n: number): Citation => ({ doc: 'district-measure', article: art(n) });

const hasProposal: SectionCondition<I> = {
  id: 'has_proposal_approval',
  description: { zh: '项目建议书已经批复时', en: 'when a proposal approval exists' },
  test: (i) => i.proposalApproval !== undefined,
};
const crossDepartment: SectionCondition<I> = {
  id: 'cross_department',
  description: { zh: '跨部门共建项目', en: 'for cross-department projects' },
  test: (i) => i.project.crossDepartment !== undefined,
};
const energyReviews: SectionCondition<I> = {
  id: 'civil_works_or_high_energy',
  description: { zh: '新建土建工程或高耗能项目', en: 'with new civil works or a high-energy project' },
  test: (i) => i.energy.civilWorks || i.energy.highEnergy,
};
const civilWorks: SectionCondition<I> = {
  id: 'civil_works',
  description: { zh: '新建土建工程项目', en: 'with new civil works' },
  test: (i) => i.energy.civilWorks,
};
const socialStability: SectionCondition<I> = {
  id: 'national_or_stability_assessed',
  description: {
    zh: '国家级项目（2013意见），或地方项目提供了社会稳定风险分析时',
    en: 'for national projects (2013 Opinion), or when a local project supplies a social-stability risk analysis',
  },
  test: (i) => profileData(i.project.jurisdiction.profile).scope === 'national' || i.socialStabilityRisk !== undefined,
};
const hasDocuments: SectionCondition<I> = {
  id: 'has_attachment_documents',
  description: { zh: '列有附件文件时', en: 'when attachment documents are listed' },
  test: (i) => attachmentDocuments(i).length > 0,
};

export const sections: SectionDef<I>[] = [
  // 一、项目概述
  { id: 'overview', level: 1, binding: 'customary', citations: [OUTLINE] },
  { id: 'ov_project_name', level: 2, binding: 'national', citations: [gbf(9), OUTLINE] },
  { id: 'ov_units', level: 2, binding: 'national', citations: [gbf(13), OUTLINE] },
  { id: 'ov_drafting_org', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ov_basis', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ov_scope_period', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ov_investment_funding', level: 2, binding: 'national', citations: [gbf(9), OUTLINE] },
  { id: 'ov_benefits', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ov_changes_since_proposal', level: 2, binding: 'customary', citations: [OUTLINE], when: hasProposal },
  { id: 'ov_conclusions', level: 2, binding: 'customary', citations: [OUTLINE] },

  // 二、项目建设单位概况
  { id: 'unit_profile', level: 1, binding: 'customary', citations: [OUTLINE] },
  { id: 'unit_functions', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'unit_implementing_body', level: 2, binding: 'customary', citations: [OUTLINE, gbf(13)] },

  // 三、需求分析和项目建设的必要性
  { id: 'necessity', level: 1, binding: 'national', citations: [OUTLINE, opinion('四', 'Part IV')] },
  { id: 'nec_background', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'nec_current_systems', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'nec_problems', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'req_objectives', level: 2, binding: 'customary', citations: [OUTLINE, opinion('四', 'Part IV')] },
  { id: 'req_business', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'req_information_volume', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'req_functional_performance', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'req_security', level: 2, binding: 'national', citations: [gbf(9), opinion('七（二）', 'VII(2)')] },
  { id: 'nec_significance', level: 2, binding: 'national', citations: [OUTLINE, opinion('四', 'Part IV')] },

  // 四、总体建设方案
  { id: 'overall_scheme', level: 1, binding: 'customary', citations: [OUTLINE] },
  { id: 'overall_principles', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'overall_goals', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'overall_tasks', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'overall_design', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'overall_cross_department', level: 2, binding: 'national', citations: [gbf(10)], when: crossDepartment },

  // 五、本期项目建设方案
  { id: 'phase_scheme', level: 1, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_scope', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_options', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_standards', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_data_resources', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_app_support', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_applications', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_processing_storage', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_terminals', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_network', level: 2, binding: 'customary', citations: [OUTLINE, opinion('五（二）', 'V(2)')] },
  { id: 'phase_security_system', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_backup', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_operations_system', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_equipment', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_machine_room', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'phase_intensive', level: 2, binding: 'local', citations: [district(8), district(37)], profiles: profilesWhere((p) => p.approvalStage.noSeparateBuild !== null) },
  { id: 'phase_product_safety', level: 2, binding: 'national', citations: [gbf(16), opinion('七（三）', 'VII(3)')] },
  { id: 'phase_cryptography', level: 2, binding: 'national', citations: [gbf(9), gbf(15), district(28)] },
  { id: 'phase_protection', level: 2, binding: 'national', citations: [gbf(9), gbf(14), opinion('七（二）', 'VII(2)')] },
  { id: 'phase_cloud', level: 2, binding: 'national', citations: [gbf(17)] },

  // 六、信息资源共享分析篇章
  { id: 'sharing', level: 1, binding: 'national', citations: [gbf(11), opinion('五（一）', 'V(1)')] },
  { id: 'sharing_current', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'sharing_needs', level: 2, binding: 'national', citations: [opinion('五（一）', 'V(1)'), gbf(11)] },
  { id: 'sharing_supply', level: 2, binding: 'national', citations: [opinion('五（一）', 'V(1)'), gbf(11)] },
  { id: 'sharing_catalogue', level: 2, binding: 'national', citations: [gbf(11), opinion('五（一）', 'V(1)'), { doc: 'gf-2016-51' }] },
  { id: 'sharing_declaration', level: 2, binding: 'local', citations: [district(24), district(7)], profiles: profilesWhere((p) => p.catalogue.attributesBeforeApplication !== null) },
  { id: 'sharing_exchange', level: 2, binding: 'national', citations: [opinion('五（一）', 'V(1)')] },
  { id: 'sharing_processing', level: 2, binding: 'national', citations: [opinion('五（一）', 'V(1)')] },
  { id: 'sharing_openness', level: 2, binding: 'national', citations: [gbf(11), district(25)] },
  { id: 'sharing_mechanisms', level: 2, binding: 'national', citations: [gbf(11), district(25)] },
  { id: 'sharing_security', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'sharing_impact', level: 2, binding: 'national', citations: [gbf(11), district(25)] },

  // 七、项目招标方案
  { id: 'tendering', level: 1, binding: 'national', citations: [OUTLINE, opinion('三（一）2', 'III(1) item 2')] },
  { id: 'tendering_plan', level: 2, binding: 'national', citations: [opinion('三（一）2', 'III(1) item 2')] },
  { id: 'tendering_table', level: 2, binding: 'national', citations: [opinion('三（一）2', 'III(1) item 2')] },

  // 八、环保、消防、职业安全卫生和节能 (reviews waived by 57号 Art. 8 unless civil works / high energy)
  { id: 'environment_energy', level: 1, binding: 'customary', citations: [OUTLINE, gbf(8), opinion('三（一）1', 'III(1) item 1')] },
  { id: 'env_energy_saving', level: 2, binding: 'national', citations: [gbf(8), opinion('三（一）1', 'III(1) item 1')], when: energyReviews },
  { id: 'env_site_land', level: 2, binding: 'national', citations: [gbf(8), opinion('三（一）4', 'III(1) item 4')], when: civilWorks },
  { id: 'env_environmental_impact', level: 2, binding: 'national', citations: [gbf(8), opinion('三（一）4', 'III(1) item 4')], when: civilWorks },
  { id: 'env_fire_occupational', level: 2, binding: 'customary', citations: [OUTLINE], when: energyReviews },

  // 九、社会稳定风险分析
  { id: 'social_stability', level: 1, binding: 'national', citations: [opinion('三（一）3', 'III(1) item 3')], when: socialStability },

  // 十、项目组织机构和人员培训
  { id: 'organisation', level: 1, binding: 'customary', citations: [OUTLINE] },
  { id: 'org_structure', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'org_staffing', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'org_training', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'org_supervision', level: 2, binding: 'national', citations: [gbf(19)] },

  // 十一、项目实施进度
  { id: 'schedule', level: 1, binding: 'customary', citations: [OUTLINE] },

  // 十二、投资估算和资金来源
  { id: 'investment', level: 1, binding: 'national', citations: [OUTLINE, gbf(9)] },
  { id: 'inv_basis', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'inv_estimate', level: 2, binding: 'national', citations: [gbf(9), OUTLINE] },
  { id: 'inv_funding', level: 2, binding: 'national', citations: [gbf(9), OUTLINE] },
  { id: 'inv_use_plan', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'inv_oandm', level: 2, binding: 'national', citations: [gbf(9), OUTLINE] },

  // 十三、效益与评价指标分析
  { id: 'benefits', level: 1, binding: 'national', citations: [OUTLINE, gbf(9)] },
  { id: 'ben_economic', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ben_social', level: 2, binding: 'customary', citations: [OUTLINE] },
  { id: 'ben_indicators', level: 2, binding: 'national', citations: [gbf(9), gbf(10)] },

  // 十四、项目风险与风险管理
  { id: 'risks', level: 1, binding: 'customary', citations: [OUTLINE] },

  // 附表、附件
  { id: 'annexes', level: 1, binding: 'national', citations: [opinion('五（一）', 'V(1)'), OUTLINE] },
  { id: 'annex_sharing_catalogue', level: 2, binding: 'national', citations: [opinion('五（一）', 'V(1)'), gbf(11)] },
  { id: 'annex_documents', level: 2, binding: 'customary', citations: [OUTLINE, gbf(9)], when: hasDocuments },
];
