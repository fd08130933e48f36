// Section registry of the 验收报告: what 57号 Art. 22–26 and the district measure require the report and its materials to show.
import { art, item, type Citation } from '../../regulations/documents.ts';
import type { SectionDef } from '../filing.ts';
import { acceptanceFigures } from './figures.ts';
import { profilesWhere } from '../../regulations/profiles.ts';
import { ART25_KINDS, type AcceptanceReportInput } from './schema.ts';

type I = AcceptanceReportInput;

const N57 = (...articles: number[]): Citation[] => articles.map((n) => ({ doc: 'gbf-2019-57', article: art(n) }));
const DIST = (...articles: number[]): Citation[] => articles.map((n) => ({ doc: 'district-measure', article: art(n) }));
const OPINION_2013: Citation = { doc: 'fgg-2013-266' };
const OPINION_2013_SECURITY: Citation = { doc: 'fgg-2013-266', article: item('保障安全可控', 'on secure and controllable systems') };
const CUSTOMARY: Citation[] = [{ doc: 'customary' }];

const isClassified = (i: I) => i.project.securityLevel.scheme === 'classified';
const classified = { id: 'classified_system', description: { zh: '涉密信息系统', en: 'classified information systems' }, test: isClassified };

export const sections: SectionDef<I>[] = [
  { id: 'overview', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'project_facts', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'approvals', level: 2, binding: 'customary', citations: [...N57(7), ...CUSTOMARY] },
  { id: 'acceptance_process', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },

  { id: 'task_completion', level: 1, binding: 'national', citations: N57(22, 23) },
  { id: 'task_status', level: 2, binding: 'national', citations: N57(22) },
  {
    id: 'changes',
    level: 2,
    binding: 'national',
    citations: [...N57(23), ...DIST(16)],
    when: { id: 'has_changes', description: { zh: '建设内容或投资有调整变更时', en: 'when content or investment was changed' }, test: (i) => i.changes.length > 0 },
  },

  { id: 'investment', level: 1, binding: 'national', citations: [...N57(22), ...DIST(15)] },
  { id: 'budget_execution', level: 2, binding: 'national', citations: N57(22) },
  { id: 'funding_sources', level: 2, binding: 'national', citations: N57(22) },
  {
    id: 'savings',
    level: 2,
    binding: 'national',
    citations: [...N57(22), ...DIST(15)],
    when: { id: 'has_savings', description: { zh: '实际完成投资低于批复概算、有结余资金时', en: 'when actual investment is below the approved budget estimate' }, test: (i) => acceptanceFigures(i).savings > 0 },
  },
  { id: 'final_accounts', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },

  { id: 'procurement', level: 1, binding: 'national', citations: [...N57(13), ...DIST(13)] },
  { id: 'tendering', level: 2, binding: 'national', citations: N57(13) },
  { id: 'contracts', level: 2, binding: 'national', citations: N57(13) },
  { id: 'contract_filing', level: 2, binding: 'local', profiles: profilesWhere((p) => p.contractFiling !== null), citations: DIST(13) },

  { id: 'supervision', level: 1, binding: 'national', citations: N57(19) },

  { id: 'testing', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'system_tests', level: 2, binding: 'customary', citations: CUSTOMARY },
  {
    id: 'trial_operation',
    level: 2,
    binding: 'customary',
    citations: [OPINION_2013, ...CUSTOMARY],
    when: { id: 'has_trial_run', description: { zh: '系统经过试运行时', en: 'when the system went through trial operation' }, test: (i) => i.trialRun !== undefined },
  },

  { id: 'security', level: 1, binding: 'national', citations: N57(14, 15, 16, 25) },
  {
    id: 'mlps_assessment',
    level: 2,
    binding: 'national',
    citations: N57(14, 25),
    when: { id: 'non_classified_system', description: { zh: '非涉密信息系统', en: 'non-classified information systems' }, test: (i) => !isClassified(i) },
  },
  { id: 'classified_assessment', level: 2, binding: 'national', citations: [...N57(25), OPINION_2013_SECURITY], when: classified },
  { id: 'classified_approval', level: 2, binding: 'national', citations: [OPINION_2013_SECURITY], when: classified },
  { id: 'risk_assessment', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  { id: 'crypto_assessment', level: 2, binding: 'national', citations: [...N57(15, 25), ...DIST(28)] },

  { id: 'product_safety_energy', level: 1, binding: 'national', citations: N57(16) },
  { id: 'product_safety', level: 2, binding: 'national', citations: N57(16) },
  { id: 'energy_efficiency', level: 2, binding: 'national', citations: [...N57(16), OPINION_2013] },

  { id: 'sharing', level: 1, binding: 'national', citations: [...N57(11, 12), ...DIST(25, 26)] },
  { id: 'resource_catalogue', level: 2, binding: 'national', citations: [...N57(11), { doc: 'gf-2016-51' }] },
  { id: 'system_catalogue', level: 2, binding: 'national', citations: N57(12, 28) },
  { id: 'catalogue_registration', level: 2, binding: 'local', profiles: profilesWhere((p) => p.catalogue.registrationWorkingDays !== null), citations: DIST(26) },

  { id: 'archives', level: 1, binding: 'national', citations: [...N57(26), ...DIST(18)] },

  { id: 'performance', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'results', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'performance_results', level: 2, binding: 'national', citations: N57(9, 10) },

  { id: 'operation', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'open_issues', level: 1, binding: 'customary', citations: CUSTOMARY },

  { id: 'conclusion', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'committee', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'committee_opinion', level: 2, binding: 'customary', citations: CUSTOMARY },

  { id: 'attachments', level: 1, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  { id: 'required_materials', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  {
    id: 'other_attachments',
    level: 2,
    binding: 'customary',
    citations: CUSTOMARY,
    when: {
      id: 'has_other_attachments',
      description: { zh: '附有规定材料以外的其他材料时', en: 'when materials beyond the required ones are attached' },
      test: (i) => i.attachments.some((a) => !ART25_KINDS.includes(a.kind)),
    },
  },
];
