// 项目建议书: the first approval-stage report (2544号 附件1 skeleton, with what 57号 and the 2013 NDRC opinion add).
import { defineFiling, type SectionDef } from '../filing.ts';
import { createContentContext, reportCover, type Block, type ContentContext, type TableColumn } from '../content.ts';
import type { LText } from '../common.ts';
import { art, chineseNumeral, item, type Citation } from '../../regulations/documents.ts';
import { formatQuantity, normalizeDocNumber } from '../../format/format.ts';
import { ProjectProposalInput, type CatalogueEntry } from './schema.ts';

export { ProjectProposalInput } from './schema.ts';

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

const sections: SectionDef<I>[] = [
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
    profiles: ['district'],
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

// ---------------------------------------------------------------------------------------------------------------
// Formatting helpers

/** A count or measure: `1,250,000`, `12.5`. */
const qty = formatQuantity;
const value = (v: number | string): string => (typeof v === 'number' ? qty(v) : v);

/** Punctuation for prose in this locale (bilingual documents use the Chinese marks). */
function marks(c: ContentContext) {
  const en = c.locale === 'en';
  return {
    en,
    open: en ? ' (' : '（',
    close: en ? ')' : '）',
    comma: en ? ', ' : '，',
    semi: en ? '; ' : '；',
    enum: en ? ', ' : c.locale === 'bilingual' ? '；' : '、',
    dash: en ? ' – ' : '至',
  };
}

interface Col<R> {
  col: TableColumn;
  cell: (row: R, n: number) => string | undefined;
  total?: string;
}

/** A table whose optional columns are left out when no row fills them; an empty cell reads `—`. */
function sparseTable<R>(c: ContentContext, cols: Col<R>[], rows: readonly R[], withTotal = false): Block {
  const keep = cols.filter((k) => rows.some((r, n) => k.cell(r, n) !== undefined));
  return c.table(
    keep.map((k) => k.col),
    rows.map((r, n) => keep.map((k) => k.cell(r, n) ?? '—')),
    withTotal ? keep.map((k, n) => (n === 0 ? c.label('total') : (k.total ?? ''))) : undefined,
  );
}

/** A list in running text: `a、b、c` / `a, b and c`. */
function joinList(c: ContentContext, items: readonly string[]): string {
  if (c.locale !== 'en') return items.join('、');
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A composed value for a table cell: once per language, Chinese over English in bilingual documents. */
function dual(c: ContentContext, build: (l: ContentContext) => string): string {
  if (c.locale !== 'bilingual') return build(c);
  return `${build(createContentContext(c.filingId, 'zh-CN'))}\n${build(createContentContext(c.filingId, 'en'))}`;
}

function person(c: ContentContext, p: { name: LText; title?: LText; phone?: string }): string {
  if (c.locale === 'bilingual') return dual(c, (l) => person(l, p));
  const m = marks(c);
  const title = p.title ? `${m.open}${c.text(p.title)}${m.close}` : '';
  const phone = p.phone ? `${m.comma}${c.labelInline('tel')}${m.en ? ' ' : ''}${p.phone}` : '';
  return `${c.text(p.name)}${title}${phone}`;
}

/** 《Title》（docNo，date） in Chinese, `Title (docNo, date)` in English. */
function docRef(c: ContentContext, d: { title: LText; docNo?: string; date?: string }): string {
  const m = marks(c);
  const title = m.en ? `“${c.text(d.title)}”` : `《${c.text(d.title)}》`;
  const extra = [d.docNo ? normalizeDocNumber(d.docNo) : '', d.date ? c.date(d.date) : ''].filter(Boolean);
  return extra.length ? `${title}${m.open}${extra.join(m.comma)}${m.close}` : title;
}

function share(part: number, total: number, c: ContentContext): string {
  return total > 0 ? c.percent((part / total) * 100) : '—';
}

const sum = (xs: readonly number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

function securityText(c: ContentContext, s: I['project']['securityLevel']): string {
  if (c.locale === 'bilingual') return dual(c, (l) => securityText(l, s));
  if (s.scheme === 'mlps') {
    const level = typeof s.level === 'number' ? s.level : 0;
    return c.lang === 'en' ? c.labelInline('mlpsLevel', { level }) : c.labelInline('mlpsLevel', { level: chineseNumeral(level) });
  }
  return c.labelInline(`classifiedGrade.${String(s.level)}`);
}

function sentenceNo(n: number, c: ContentContext): string {
  return c.lang === 'en' ? `(${n}) ` : `（${chineseNumeral(n)}）`;
}

// ---------------------------------------------------------------------------------------------------------------

function catalogueBlocks(i: I, c: ContentContext): Block[] {
  const cat = i.requirements.sharing.catalogue;
  const count = (t: CatalogueEntry['shareType']) => cat.filter((e) => e.shareType === t).length;
  const out: Block[] = [
    ...c.sentence('catalogueSummary', () => ({
      n: cat.length,
      unconditional: count('unconditional'),
      conditional: count('conditional'),
      none: count('none'),
    })),
    c.table(
      [
        { label: c.label('no'), width: 1.3, align: 'center' },
        { label: c.label('resourceName'), width: 4 },
        { label: c.label('provider'), width: 3 },
        { label: c.label('format'), width: 2 },
        { label: c.label('shareType'), width: 3, align: 'center' },
        { label: c.label('updateCycle'), width: 2, align: 'center' },
      ],
      cat.map((e, n) => [
        String(n + 1),
        e.code ? `${c.text(e.name)}\n${e.code}` : c.text(e.name),
        c.text(e.provider),
        c.text(e.format),
        c.label(`shareTypes.${e.shareType}`),
        e.updateCycle ? c.text(e.updateCycle) : '—',
      ]),
    ),
  ];
  cat.forEach((e, n) => {
    const m = marks(c);
    const items = e.items.map((f) => (f.dataType ? `${c.text(f.name)}${m.open}${c.text(f.dataType)}${m.close}` : c.text(f.name))).join(m.enum);
    const rows: Array<[string, string]> = [];
    if (e.category) rows.push(['category', c.text(e.category)]);
    if (e.source) rows.push(['source', c.text(e.source)]);
    if (e.summary) rows.push(['summary', c.text(e.summary)]);
    rows.push(['fields', items]);
    rows.push(['technicalInterface', c.text(e.technicalInterface)]);
    rows.push(['processingMethod', c.text(e.processingMethod)]);
    rows.push(['traceability', c.text(e.traceability)]);
    rows.push(['shareType', c.labelInline(`shareTypes.${e.shareType}`)]);
    if (e.shareCondition) rows.push(['shareCondition', c.text(e.shareCondition)]);
    if (e.refusalBasis) rows.push(['refusalBasis', c.text(e.refusalBasis)]);
    if (e.shareMode) rows.push(['shareMode', c.text(e.shareMode)]);
    if (e.openness) {
      const o = e.openness;
      rows.push(['openness', `${c.labelInline(o.open ? 'openYes' : 'openNo')}${o.condition ? `${m.en ? '. ' : '；'}${c.text(o.condition)}` : ''}`]);
    }
    if (e.consumers.length) rows.push(['consumers', e.consumers.map((d) => c.text(d)).join(m.enum)]);
    out.push(c.h(`${sentenceNo(n + 1, c)}${c.text(e.name)}`), c.facts(rows));
  });
  return out;
}

function attachmentLines(i: I, c: ContentContext): string[] {
  const lines: string[] = [c.labelInline('attSharingCatalogue')];
  const title = (t: LText) => c.text(t);
  if (i.requirementsReport) lines.push(title(i.requirementsReport.report.title), title(i.requirementsReport.expertOpinion.title));
  if (i.centralLocal) lines.push(title(i.centralLocal.commitment.title));
  const prev = i.previousProject;
  if (prev && (i.project.type === 'rebuild' || i.project.type === 'expand') && prev.postEvaluation) lines.push(title(prev.postEvaluation.title));
  if (prev && i.project.type === 'operation' && i.project.jurisdiction.profile === 'district') {
    if (prev.contract) lines.push(title(prev.contract.title));
    if (prev.performanceEvaluation) lines.push(title(prev.performanceEvaluation.title));
  }
  for (const a of i.attachments) lines.push(title(a));
  return lines;
}

export const projectProposal = defineFiling({
  id: 'project-proposal',
  schema: ProjectProposalInput,
  layout: 'report',
  sections,
  dateOf: (i) => i.proposal.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.proposal.docNo),
  content: (i, c) => {
    const p = i.project;
    const req = i.requirements;
    const ps = i.phaseScheme;
    const no = (n: number) => String(n + 1);
    const noCol = { label: c.label('no'), width: 1.3, align: 'center' } as const;
    const amountCol = { label: c.label('amount'), width: 3, align: 'right' } as const;
    const shareCol = { label: c.label('ratio'), width: 2, align: 'right' } as const;
    const channels = (l: ContentContext) =>
      p.fundingSources.map((f) => `${l.text(f.channel)}${l.locale === 'en' ? ': ' : ''}${l.wan(f.amount)}`).join(marks(l).semi);
    const paraIf = (t: readonly LText[] | undefined) => (t ? c.paras(t) : []);
    const headed = (key: string, t: readonly LText[] | undefined): Block[] => (t ? [c.h(c.labelInline(key)), ...c.paras(t)] : []);

    const out: Partial<Record<string, Block[]>> = {
      // 一、项目简介
      project_name: [
        c.facts([
          ['projectName', c.text(p.name)],
          ['projectCode', p.code],
          ['projectTypeLabel', c.labelInline(`projectType.${p.type}`)],
          ['jurisdiction', `${c.text(p.jurisdiction.name)}${marks(c).open}${p.jurisdiction.regionCode}${marks(c).close}`],
          ['approvingDepartment', c.text(p.approvingDepartment)],
        ]),
      ],
      construction_unit: [
        c.facts([
          ['constructionUnit', c.text(p.constructionUnit.name)],
          ['creditCode', p.constructionUnit.creditCode],
          ['implementingBody', c.text(p.implementingBody)],
          ['leader', person(c, p.leader)],
          ...(p.accountablePerson ? ([['accountablePerson', person(c, p.accountablePerson)]] as const) : []),
          ...(p.financeDepartment ? ([['financeDepartment', c.text(p.financeDepartment)]] as const) : []),
        ]),
      ],
      drafting_basis: [
        ...c.sentence('draftingOrg', (l) => ({ org: l.text(i.proposal.draftingOrg) })),
        ...c.both((l) => i.proposal.basisDocuments.map((d, n) => l.p(`${n + 1}. ${docRef(l, d)}`))),
        ...(i.proposal.inPlan ? c.sentence('inPlan', () => ({})) : []),
      ],
      project_overview: [
        c.facts([
          ['constructionPeriod', dual(c, (l) => `${l.date(i.overview.period.start)}${marks(l).dash}${l.date(i.overview.period.end)}`)],
          ['totalInvestment', dual(c, (l) => l.stated(p.totalInvestment))],
          ['fundingSourcesLabel', dual(c, channels)],
          ['annualOandM', dual(c, (l) => `${l.wan(p.annualOandM.amount)}${marks(l).open}${l.text(p.annualOandM.channel)}${marks(l).close}`)],
          ['securityLevel', securityText(c, p.securityLevel)],
        ]),
        ...headed('goals', i.overview.goals),
        ...headed('scaleAndContent', i.overview.scaleAndContent),
        ...headed('benefitsAndRisks', i.overview.benefitsAndRisks),
      ],
      conclusions: c.paras(i.overview.conclusions),

      // 二、项目建设单位概况
      unit_mandate: c.paras(i.unitProfile.mandate),
      implementing_body: [
        ...c.sentence('implementingBodyLead', (l) => ({ unit: l.text(p.constructionUnit.name), body: l.text(p.implementingBody) })),
        ...c.paras(i.unitProfile.implementingBodyDuties),
      ],

      // 三、项目建设的必要性
      background: c.paras(i.necessity.background),
      current_systems: [
        ...(i.necessity.currentSystems.length
          ? [
              c.table(
                [noCol, { label: c.label('systemName'), width: 4 }, { label: c.label('builtYear'), width: 2, align: 'center' }, { label: c.label('systemStatus'), width: 8 }],
                i.necessity.currentSystems.map((s, n) => [no(n), c.text(s.name), s.builtYear ? String(s.builtYear) : '—', c.text(s.description)]),
              ),
            ]
          : []),
        ...paraIf(i.necessity.currentSituation),
      ],
      problems: c.list(i.necessity.problems),
      significance: c.paras(i.necessity.significance),

      // 四、需求分析
      social_objectives: [
        c.table(
          [noCol, { label: c.label('socialProblem'), width: 7 }, { label: c.label('indicator'), width: 3 }, { label: c.label('currentValue'), width: 2, align: 'center' }, { label: c.label('targetValue'), width: 2, align: 'center' }],
          req.socialProblems.map((s, n) => [
            no(n),
            c.text(s.problem),
            s.indicator ? c.text(s.indicator) : '—',
            s.current !== undefined ? value(s.current) : '—',
            s.target !== undefined ? value(s.target) : '—',
          ]),
        ),
        ...paraIf(req.objectives),
      ],
      business_analysis: [
        sparseTable(
          c,
          [
            { col: noCol, cell: (_, n) => no(n) },
            { col: { label: c.label('businessName'), width: 4 }, cell: (b) => c.text(b.name) },
            { col: { label: c.label('businessDescription'), width: 7 }, cell: (b) => (b.description ? c.text(b.description) : undefined) },
            { col: { label: c.label('annualVolume'), width: 3, align: 'right' }, cell: (b) => `${qty(b.annualVolume)}${c.locale === 'zh-CN' ? '' : ' '}${c.text(b.unit)}` },
          ],
          req.businessProcesses,
        ),
      ],
      information_volume: [
        ...c.sentence('informationVolume', () => ({
          records: qty(req.informationVolume.records),
          storage: qty(req.informationVolume.storageGb),
          growth: c.percent(req.informationVolume.annualGrowthPercent),
        })),
        ...paraIf(req.informationVolume.notes),
      ],
      system_requirements: [
        c.h(c.labelInline('functionalRequirements')),
        c.table(
          [noCol, { label: c.label('functionName'), width: 3 }, { label: c.label('functionDescription'), width: 9 }],
          req.functional.map((f, n) => [no(n), c.text(f.name), c.text(f.description)]),
        ),
        c.h(c.labelInline('performanceRequirements')),
        c.table(
          [noCol, { label: c.label('metric'), width: 5 }, { label: c.label('requirement'), width: 7 }],
          req.performance.map((f, n) => [no(n), c.text(f.metric), c.text(f.target)]),
        ),
      ],
      sharing_internal: c.paras(req.sharing.internal),
      sharing_external: c.paras(req.sharing.external),
      sharing_vertical: c.paras(req.sharing.vertical),
      sharing_catalogue: catalogueBlocks(i, c),
      sharing_mechanism: paraIf(req.sharing.mechanisms),
      security_requirements: [
        ...c.sentence(p.securityLevel.scheme === 'mlps' ? 'securityMlps' : 'securityClassified', (l) => ({ level: securityText(l, p.securityLevel) })),
        ...c.paras(req.securityProtection),
      ],

      // 五、总体建设方案
      principles: c.paras(i.overallScheme.principles),
      overall_goals: [
        ...c.paras(i.overallScheme.goals),
        ...(i.overallScheme.phases.length
          ? [
              c.table(
                [noCol, { label: c.label('phase'), width: 2 }, { label: c.label('phasePeriod'), width: 3, align: 'center' }, { label: c.label('phaseGoal'), width: 8 }],
                i.overallScheme.phases.map((ph, n) => [no(n), c.text(ph.phase), ph.period ? c.text(ph.period) : '—', c.text(ph.goal)]),
              ),
            ]
          : []),
      ],
      overall_tasks: c.paras(i.overallScheme.tasks),
      overall_design: c.paras(i.overallScheme.architecture),

      // 六、本期项目建设方案
      phase_scope: [
        ...c.paras(ps.scope),
        c.table(
          [noCol, { label: c.label('subsystem'), width: 3 }, { label: c.label('constructionContent'), width: 9 }],
          ps.constructionContent.map((s, n) => [no(n), c.text(s.subsystem), c.text(s.description)]),
        ),
      ],
      standards: ps.standards.length ? [...c.sentence('standardsLead', () => ({})), ...c.list(ps.standards)] : [],
      information_resources: paraIf(ps.informationResources),
      application_support: paraIf(ps.applicationSupport),
      applications: paraIf(ps.applications),
      data_storage: paraIf(ps.dataProcessing),
      terminals_interfaces: paraIf(ps.terminals),
      network: ps.network
        ? [
            ...c.sentence('networkCarriers', (l) => ({ networks: joinList(l, ps.network!.carriers.map((n) => l.label(`networks.${n}`))) })),
            ...paraIf(ps.network.description),
          ]
        : [],
      security_system: paraIf(ps.securitySystem),
      backup_system: paraIf(ps.backup),
      operations_system: paraIf(ps.operations),
      equipment: ps.equipment
        ? [
            ...c.paras(ps.equipment.principles),
            ...(ps.equipment.items.length
              ? [
                  c.table(
                    [noCol, { label: c.label('equipmentName'), width: 3 }, { label: c.label('spec'), width: 5 }, { label: c.label('quantity'), width: 2, align: 'right' }, { label: c.label('remark'), width: 3 }],
                    ps.equipment.items.map((e, n) => [
                      no(n),
                      c.text(e.name),
                      e.spec ? c.text(e.spec) : '—',
                      `${qty(e.quantity)}${c.locale === 'zh-CN' ? '' : ' '}${c.text(e.unit)}`,
                      e.remark ? c.text(e.remark) : '—',
                    ]),
                  ),
                ]
              : []),
          ]
        : [],
      product_safety: [
        ...c.paras(ps.productSafety.statement),
        ...(ps.productSafety.products.length
          ? [
              c.table(
                [noCol, { label: c.label('product'), width: 3 }, { label: c.label('productCategory'), width: 2 }, { label: c.label('assurance'), width: 8 }],
                ps.productSafety.products.map((x, n) => [no(n), c.text(x.product), x.category ? c.text(x.category) : '—', c.text(x.assurance)]),
              ),
            ]
          : []),
      ],
      cloud_resources: [
        ...c.sentence('cloudLead', (l) => ({ platform: l.text(ps.cloud.platform) })),
        c.facts([
          ['vcpu', qty(ps.cloud.vcpu)],
          ['memoryGb', qty(ps.cloud.memoryGb)],
          ['storageTb', qty(ps.cloud.storageTb)],
          ...(ps.cloud.database ? ([['database', c.text(ps.cloud.database)]] as const) : []),
        ]),
        ...paraIf(ps.cloud.description),
        ...(ps.cloud.standaloneInfrastructure
          ? [...c.sentence('standaloneYes', () => ({})), ...(ps.cloud.standaloneReason ? c.paras(ps.cloud.standaloneReason) : [])]
          : c.sentence('standaloneNo', () => ({}))),
      ],
      machine_room: paraIf(ps.machineRoom),
      crypto_plan: [
        ...c.paras(ps.crypto.summary),
        c.table(
          [noCol, { label: c.label('cryptoLayer'), width: 4 }, { label: c.label('cryptoMeasure'), width: 8 }],
          ps.crypto.measures.map((x, n) => [no(n), c.text(x.layer), c.text(x.measure)]),
        ),
        ...(ps.crypto.assessment ? [c.h(c.labelInline('cryptoAssessment')), ...c.paras(ps.crypto.assessment)] : []),
      ],

      // 七、项目组织机构和人员
      org_structure: [
        c.facts([
          ['leadershipBody', c.text(i.organisation.leadership)],
          ['implementationBody', c.text(i.organisation.implementation)],
          ['operationsBody', c.text(i.organisation.operations)],
        ]),
      ],
      staffing: i.organisation.staffing.length
        ? [
            sparseTable(
              c,
              [
                { col: noCol, cell: (_, n) => no(n) },
                { col: { label: c.label('role'), width: 4 }, cell: (s) => c.text(s.role) },
                { col: { label: c.label('headcount'), width: 2, align: 'right' }, cell: (s) => String(s.count), total: String(i.organisation.staffing.reduce((a, s) => a + s.count, 0)) },
                { col: { label: c.label('duties'), width: 7 }, cell: (s) => (s.duties ? c.text(s.duties) : undefined) },
              ],
              i.organisation.staffing,
              true,
            ),
          ]
        : [],
      training: paraIf(i.organisation.training),

      // 八、项目实施进度
      schedule: [
        ...c.sentence('scheduleLead', (l) => ({ start: l.date(i.overview.period.start), end: l.date(i.overview.period.end) })),
        sparseTable(
          c,
          [
            { col: noCol, cell: (_, n) => no(n) },
            { col: { label: c.label('milestone'), width: 6 }, cell: (s) => c.text(s.milestone) },
            { col: { label: c.label('milestoneDate'), width: 4, align: 'center' }, cell: (s) => c.date(s.date) },
            { col: { label: c.label('deliverable'), width: 4 }, cell: (s) => (s.deliverable ? c.text(s.deliverable) : undefined) },
          ],
          i.schedule,
        ),
      ],

      // 九、投资估算和资金筹措
      estimate_basis: c.paras(i.investment.basis),
      investment_estimate: [
        ...c.sentence('estimateLead', (l) => ({ total: l.wan(p.totalInvestment) })),
        c.table(
          [noCol, { label: c.label('costItem'), width: 6 }, amountCol, shareCol],
          p.investmentBreakdown.map((b, n) => [no(n), c.text(b.item), c.num(b.amount), share(b.amount, p.totalInvestment, c)]),
          [c.label('total'), '', c.num(sum(p.investmentBreakdown.map((b) => b.amount))), share(sum(p.investmentBreakdown.map((b) => b.amount)), p.totalInvestment, c)],
        ),
      ],
      funding_sources: [
        ...c.sentence('fundingLead', (l) => ({ total: l.wan(p.totalInvestment), count: p.fundingSources.length })),
        c.table(
          [noCol, { label: c.label('channel'), width: 6 }, amountCol, shareCol],
          p.fundingSources.map((f, n) => [no(n), c.text(f.channel), c.num(f.amount), share(f.amount, p.totalInvestment, c)]),
          [c.label('total'), '', c.num(sum(p.fundingSources.map((f) => f.amount))), share(sum(p.fundingSources.map((f) => f.amount)), p.totalInvestment, c)],
        ),
      ],
      use_plan: i.investment.usePlan.length
        ? [
            c.table(
              [noCol, { label: c.label('year'), width: 4, align: 'center' }, amountCol, shareCol],
              i.investment.usePlan.map((u, n) => [no(n), String(u.year), c.num(u.amount), share(u.amount, p.totalInvestment, c)]),
              [c.label('total'), '', c.num(sum(i.investment.usePlan.map((u) => u.amount))), share(sum(i.investment.usePlan.map((u) => u.amount)), p.totalInvestment, c)],
            ),
          ]
        : [],
      oandm_estimate: [
        ...c.sentence('oandmLead', (l) => ({ amount: l.wan(p.annualOandM.amount), channel: l.text(p.annualOandM.channel) })),
        ...paraIf(i.investment.oAndMBasis),
      ],
      local_commitment: i.centralLocal
        ? [
            ...c.sentence('localCommitment', (l) => ({
              government: l.text(i.centralLocal!.localGovernment),
              amount: l.wan(i.centralLocal!.localShare),
              letter: docRef(l, i.centralLocal!.commitment),
            })),
          ]
        : [],

      // 十、效益与风险分析
      benefits: [...headed('economicBenefits', i.benefits.economic), ...headed('socialBenefits', i.benefits.social)],
      risks: [
        c.table(
          [noCol, { label: c.label('risk'), width: 4 }, { label: c.label('mitigation'), width: 8 }],
          i.risks.map((r, n) => [no(n), c.text(r.risk), c.text(r.mitigation)]),
        ),
      ],

      // 十一、绩效目标和绩效指标
      performance: [
        ...paraIf(i.performanceOverview),
        c.table(
          [
            noCol,
            { label: c.label('objective'), width: 4 },
            { label: c.label('indicator'), width: 4 },
            { label: c.label('indicatorType'), width: 2, align: 'center' },
            { label: c.label('unit'), width: 2, align: 'center' },
            { label: c.label('targetValue'), width: 2, align: 'center' },
          ],
          p.performanceTargets.map((t, n) => [
            no(n),
            c.text(t.objective),
            c.text(t.indicator),
            c.label(`indicatorTypes.${t.type}`),
            t.unit ? c.text(t.unit) : '—',
            value(t.targetValue),
          ]),
        ),
      ],
    };

    // 十二、跨部门共建共享框架方案
    const fw = i.frameworkScheme;
    const cd = p.crossDepartment;
    if (fw && cd) {
      out.framework_participants = [
        ...c.sentence('frameworkLead', (l) => ({
          lead: l.text(cd.leadDepartment),
          coBuilders: joinList(l, cd.coBuilders.map((d) => l.text(d))),
        })),
        c.table(
          [noCol, { label: c.label('department'), width: 4 }, { label: c.label('tasks'), width: 8 }],
          fw.participants.map((x, n) => [no(n), c.text(x.department), c.text(x.tasks)]),
        ),
      ];
      out.framework_goals = c.paras(fw.goals);
      out.framework_interfaces = [
        c.table(
          [noCol, { label: c.label('interfaceName'), width: 4 }, { label: c.label('provider'), width: 3 }, { label: c.label('consumer'), width: 3 }, { label: c.label('interfaceMethod'), width: 3 }],
          fw.interfaces.map((x, n) => [no(n), c.text(x.name), c.text(x.provider), c.text(x.consumer), c.text(x.method)]),
        ),
      ];
      out.framework_data_flows = [
        c.table(
          [noCol, { label: c.label('flowData'), width: 4 }, { label: c.label('flowFrom'), width: 3 }, { label: c.label('flowTo'), width: 3 }, { label: c.label('frequency'), width: 2, align: 'center' }],
          fw.dataFlows.map((x, n) => [no(n), c.text(x.data), c.text(x.from), c.text(x.to), c.text(x.frequency)]),
        ),
      ];
      out.framework_catalogue = [
        c.table(
          [noCol, { label: c.label('resourceName'), width: 3 }, { label: c.label('provider'), width: 3 }, { label: c.label('fields'), width: 5 }, { label: c.label('updateCycle'), width: 2, align: 'center' }],
          fw.catalogue.map((x, n) => [no(n), c.text(x.resource), c.text(x.provider), x.items.map((f) => c.text(f)).join(marks(c).enum), c.text(x.updateCycle)]),
        ),
      ];
    }

    // 前期项目 (改建 / 扩建; 区级运维项目)
    const prev = i.previousProject;
    if (prev) {
      const head = (l: ContentContext): Block[] => [
        l.p(
          l.label('prevName', { name: l.text(prev.name) }) +
            (prev.approval ? l.label('prevApproval', { approval: docRef(l, prev.approval) }) : '') +
            (prev.completionDate ? l.label('prevCompletion', { completion: l.date(prev.completionDate) }) : '') +
            l.label('fullStop'),
        ),
      ];
      if (prev.postEvaluation) {
        const pe = prev.postEvaluation;
        out.previous_evaluation = [
          ...c.both(head),
          ...c.paras(prev.results),
          ...c.sentence('postEvaluationLead', (l) => ({ evaluator: l.text(pe.evaluator), date: l.date(pe.date), title: docRef(l, { title: pe.title }) })),
          ...c.paras(pe.conclusion),
        ];
      }
      if (prev.contract && prev.performanceEvaluation) {
        const k = prev.contract;
        const ev = prev.performanceEvaluation;
        out.previous_operation = [
          ...c.both(head),
          ...c.paras(prev.results),
          c.facts([
            ['previousContract', dual(c, (l) => docRef(l, { title: k.title, ...(k.contractNo ? { docNo: k.contractNo } : {}), date: k.signDate }))],
            ['contractPartner', c.text(k.partner)],
            ['contractAmount', dual(c, (l) => l.wan(k.amount))],
            ['previousEvaluation', dual(c, (l) => docRef(l, { title: ev.title, date: ev.date }))],
            ['evaluator', c.text(ev.evaluator)],
            ...(ev.score !== undefined ? ([['evaluationScore', qty(ev.score)]] as const) : []),
          ]),
          ...c.paras(ev.conclusion),
        ];
      }
    }

    // 附件
    out.attachments = c.both((l) => {
      const lines = attachmentLines(i, l);
      const lead = l.label('attachmentsLead');
      return lines.map((a, n) => l.p(n === 0 ? `${lead}${lines.length > 1 ? '1. ' : ''}${a}` : `${n + 1}. ${a}`));
    });
    return out;
  },
});
