// Section registry of the 项目建议书: the 2544号 附件1 skeleton with what 57号 Art. 9–11, 15–17 and the 2013 NDRC opinion add.
import { art, item, type Citation } from '../../regulations/documents.ts';
import type { SectionDef } from '../filing.ts';
import { profilesWhere } from '../../regulations/profiles.ts';
import type { ProjectProposalInput } from './schema.ts';

type I = ProjectProposalInput;

const OUTLINE: Citation = { doc: 'fgg-2008-2544', article: item('附件1', 'Annex 1') };
const CUSTOM: Citation = { doc: 'customary' };
const OPINION_2013 = (zh: string, en: string): Citation => ({ doc: 'fgg-2013-266', article: item(zh, en) });
const A57 = (n: number): Citation => ({ doc: 'gbf-2019-57', article: art(n) });
const DISTRICT = (zh: string, en: string): Citation => ({ doc: 'district-measure', article: item(zh, en) });

const crossDepartment = {
  id: 'cross_department',
  description: { zh: '跨部门共建共享项目', en: 'cross-department project' },
  test: (i: I) => i.project.crossDepartment !== undefined,
};
const centralLocal = {
  id: 'central_local',
  description: { zh: '中央和地方共建项目', en: 'project co-built by central and local government' },
  test: (i: I) => i.centralLocal !== undefined,
};
const rebuildOrExpand = {
  id: 'rebuild_or_expand',
  description: { zh: '改建、扩建项目', en: 'rebuild or expansion project' },
  test: (i: I) => i.project.type === 'rebuild' || i.project.type === 'expand',
};
const operationProject = {
  id: 'operation_project',
  description: { zh: '运维类项目', en: 'operation and maintenance project' },
  test: (i: I) => i.project.type === 'operation',
};

const C = 'customary' as const;
const N = 'national' as const;

export const sections: SectionDef<I>[] = [
  // 一、项目简介
  { id: 'project_summary', level: 1, binding: C, citations: [OUTLINE] },
  { id: 'project_name', level: 2, binding: N, citations: [A57(9)] },
  { id: 'construction_unit', level: 2, binding: N, citations: [OUTLINE, A57(13)] },
  { id: 'drafting_basis', level: 2, binding: C, citations: [OUTLINE, CUSTOM] },
  { id: 'project_overview', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'conclusions', level: 2, binding: C, citations: [OUTLINE] },
  // 二、项目建设单位概况
  { id: 'unit_profile', level: 1, binding: C, citations: [OUTLINE, A57(13)] },
  { id: 'unit_mandate', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'implementing_body', level: 2, binding: C, citations: [OUTLINE, A57(13)] },
  // 三、项目建设的必要性
  { id: 'necessity', level: 1, binding: N, citations: [OUTLINE, CUSTOM] },
  { id: 'background', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'current_systems', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'problems', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'significance', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'previous_evaluation', level: 2, binding: N, citations: [A57(9)], when: rebuildOrExpand },
  {
    id: 'previous_operation',
    level: 2,
    binding: 'local',
    profiles: profilesWhere((p) => p.approvalStage.operationProjectAttachments !== null),
    citations: [DISTRICT('第七条第（二）项', 'Art. 7(2)')],
    when: operationProject,
  },
  // 四、需求分析
  { id: 'requirements', level: 1, binding: N, citations: [OPINION_2013('需求分析', 'requirements analysis')] },
  { id: 'social_objectives', level: 2, binding: C, citations: [CUSTOM, OPINION_2013('需求分析', 'requirements analysis')] },
  { id: 'business_analysis', level: 2, binding: C, citations: [CUSTOM] },
  { id: 'information_volume', level: 2, binding: C, citations: [CUSTOM] },
  { id: 'system_requirements', level: 2, binding: C, citations: [CUSTOM] },
  { id: 'sharing_needs', level: 2, binding: N, citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing')] },
  { id: 'sharing_internal', level: 3, binding: N, citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing')] },
  { id: 'sharing_external', level: 3, binding: N, citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing')] },
  { id: 'sharing_vertical', level: 3, binding: N, citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing')] },
  {
    id: 'sharing_catalogue',
    level: 3,
    binding: N,
    citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing'), { doc: 'gf-2016-51' }],
  },
  { id: 'sharing_mechanism', level: 3, binding: C, citations: [A57(11)] },
  { id: 'security_requirements', level: 2, binding: N, citations: [OPINION_2013('保障安全可控', 'security and controllability'), A57(9)] },
  // 五、总体建设方案
  { id: 'overall_scheme', level: 1, binding: C, citations: [OUTLINE, CUSTOM] },
  { id: 'principles', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'overall_goals', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'overall_tasks', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'overall_design', level: 2, binding: C, citations: [OUTLINE] },
  // 六、本期项目建设方案
  { id: 'phase_scheme', level: 1, binding: C, citations: [OUTLINE] },
  { id: 'phase_scope', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'standards', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'information_resources', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'application_support', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'applications', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'data_storage', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'terminals_interfaces', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'network', level: 2, binding: C, citations: [OUTLINE, OPINION_2013('统筹网络建设', 'network planning')] },
  { id: 'security_system', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'backup_system', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'operations_system', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'equipment', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'product_safety', level: 2, binding: N, citations: [A57(16)] },
  { id: 'cloud_resources', level: 2, binding: N, citations: [A57(17)] },
  { id: 'machine_room', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'crypto_plan', level: 2, binding: N, citations: [A57(9), A57(15), DISTRICT('第二十八条', 'Art. 28')] },
  // 七、项目组织机构和人员
  { id: 'organisation', level: 1, binding: C, citations: [OUTLINE] },
  { id: 'org_structure', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'staffing', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'training', level: 2, binding: C, citations: [OUTLINE] },
  // 八、项目实施进度
  { id: 'schedule', level: 1, binding: C, citations: [CUSTOM] },
  // 九、投资估算和资金筹措
  { id: 'investment', level: 1, binding: N, citations: [A57(9), CUSTOM] },
  { id: 'estimate_basis', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'investment_estimate', level: 2, binding: N, citations: [A57(9)] },
  { id: 'funding_sources', level: 2, binding: N, citations: [A57(9)] },
  { id: 'use_plan', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'oandm_estimate', level: 2, binding: N, citations: [A57(9)] },
  { id: 'local_commitment', level: 2, binding: N, citations: [OPINION_2013('中央和地方共建项目', 'central–local co-built projects')], when: centralLocal },
  // 十、效益与风险分析
  { id: 'benefits_risks', level: 1, binding: C, citations: [OUTLINE, CUSTOM] },
  { id: 'benefits', level: 2, binding: C, citations: [OUTLINE] },
  { id: 'risks', level: 2, binding: C, citations: [OUTLINE] },
  // 十一、绩效目标和绩效指标
  { id: 'performance', level: 1, binding: N, citations: [A57(9), A57(10), DISTRICT('第七条第（三）项', 'Art. 7(3)')] },
  // 十二、跨部门共建共享框架方案 (57号 Art. 10)
  { id: 'framework_scheme', level: 1, binding: N, citations: [A57(10)], when: crossDepartment },
  { id: 'framework_participants', level: 2, binding: N, citations: [A57(10)] },
  { id: 'framework_goals', level: 2, binding: N, citations: [A57(10)] },
  { id: 'framework_interfaces', level: 2, binding: N, citations: [A57(10)] },
  { id: 'framework_data_flows', level: 2, binding: N, citations: [A57(10)] },
  { id: 'framework_catalogue', level: 2, binding: N, citations: [A57(10)] },
  // 附件
  {
    id: 'attachments',
    level: 1,
    style: 'attachments',
    binding: N,
    citations: [OPINION_2013('推进跨部门信息共享', 'cross-department information sharing'), A57(9), { doc: 'gbt-9704-2012', article: item('7.3.4', '7.3.4') }],
  },
];
