// 可行性研究报告: the 2544号 附件2 report with the 57号 Art. 11 信息资源共享分析篇章 and the 2013意见 / 57号 additions.
import { defineFiling } from '../filing.ts';
import { reportCover, type Block } from '../content.ts';
import type { LText } from '../common.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { addDays } from '../../format/dates.ts';
import { FeasibilityStudyInput, type CatalogueEntry, type TenderPackage } from './schema.ts';
import { attachmentDocuments, sections } from './sections.ts';
import { catalogueDetail, catalogueStats, catalogueSummary, declarationTable, openConditionsTable } from './catalogue.ts';
import { bi, cell, chineseOrdinal, col, colon, count, docRef, int, isEn, joinNames, listSep, no, paren, parasOf, prunedTable, qty, semi, share, storage, sumWan, type Ctx } from './helpers.ts';

export { FeasibilityStudyInput } from './schema.ts';

type I = FeasibilityStudyInput;
type Person = I['project']['leader'];

function person(l: Ctx, p: Person): string {
  const extra = [p.title ? l.text(p.title) : '', p.phone ?? ''].filter(Boolean).join(isEn(l) ? ', ' : '，');
  return l.text(p.name) + paren(l, extra);
}

/** Months of a construction period, end date inclusive, a started month counting as one (2024-01-01 → 2025-12-31 = 24). */
function monthsBetween(start: string, end: string): number {
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = addDays(end, 1).split('-').map(Number) as [number, number, number];
  return (ye - ys) * 12 + (me - ms) + (de > ds ? 1 : 0);
}

function securityLevelText(l: Ctx, s: I['project']['securityLevel']): string {
  return s.scheme === 'mlps' ? l.label('mlpsLevel', { level: l.label(`levelNumeral.${s.level}`) }) : l.label('classifiedGrade', { grade: l.label(`grade.${s.level}`) });
}

const tick = '√';

function tenderRow(c: Ctx, p: TenderPackage): string[] {
  const mark = (b: boolean) => (b ? tick : '');
  return [
    cell(c, p.name),
    c.num(p.amount),
    mark(p.scope === 'full'),
    mark(p.scope === 'partial'),
    mark(p.scope !== 'none' && p.organisation === 'self'),
    mark(p.scope !== 'none' && p.organisation === 'entrusted'),
    mark(p.scope !== 'none' && p.method === 'open'),
    mark(p.scope !== 'none' && p.method === 'invited'),
    mark(p.scope === 'none'),
    bi(c, (l) => [l.label(`tenderCategory.${p.category}`), p.reason ? l.label('tender.seeNote') : ''].filter(Boolean).join(semi(l)), true),
  ];
}

export const feasibilityStudy = defineFiling({
  id: 'feasibility-study',
  schema: FeasibilityStudyInput,
  layout: 'report',
  sections,
  dateOf: (i) => i.report.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.report.docNo),
  content: (i, c) => {
    const p = i.project;
    const total = p.totalInvestment;
    const sc = i.sharingChapter;
    const cat = sc.catalogue;
    const stats = catalogueStats(cat);
    const period = i.overview.constructionPeriod;
    const months = monthsBetween(period.start, period.end);
    const names = (l: Ctx, list: readonly LText[]) => joinNames(l, list.map((x) => l.text(x)));
    const energyTriggered = i.energy.civilWorks || i.energy.highEnergy;
    const yesNo = (b: boolean) => c.label(b ? 'yesNo.yes' : 'yesNo.no');

    // ── 一、项目概述 ──
    const ovProjectName: Block[] = [
      c.facts([
        ['projectName', c.text(p.name)],
        ['projectCode', p.code],
        ['projectType.label', c.label(`projectType.${p.type}`)],
        ['jurisdiction', bi(c, (l) => `${l.text(p.jurisdiction.name)}${paren(l, l.labelInline('regionCode', { code: p.jurisdiction.regionCode }))}`)],
        ['regime', c.label(`profile.${p.jurisdiction.profile}`)],
        ...(p.jurisdiction.profile === 'national' ? ([['inNationalPlan', yesNo(i.inNationalPlan)]] as const) : []),
        ['crossDepartmentProject', yesNo(p.crossDepartment !== undefined)],
        ['centralLocalProject', yesNo(i.centralLocal)],
      ]),
    ];
    const ovUnits: Block[] = [
      c.facts([
        ['constructionUnit', c.text(p.constructionUnit.name)],
        ['creditCode', p.constructionUnit.creditCode],
        ['implementingBody', c.text(p.implementingBody)],
        ['leader', bi(c, (l) => person(l, p.leader))],
        ...(p.accountablePerson ? ([['accountablePerson', bi(c, (l) => person(l, p.accountablePerson!))]] as const) : []),
        ['approvingDepartment', c.text(p.approvingDepartment)],
        ...(p.financeDepartment ? ([['financeDepartment', c.text(p.financeDepartment)]] as const) : []),
        ...(p.crossDepartment
          ? ([
              ['leadDepartment', c.text(p.crossDepartment.leadDepartment)],
              ['coBuilders', bi(c, (l) => p.crossDepartment!.coBuilders.map((x) => l.text(x)).join(isEn(l) ? '; ' : '、'))],
            ] as const)
          : []),
      ]),
    ];
    const ovDrafting: Block[] = [
      c.facts([
        ['draftingOrg', c.text(i.draftingOrg.name)],
        ...(i.draftingOrg.creditCode ? ([['creditCode', i.draftingOrg.creditCode]] as const) : []),
        ...(i.draftingOrg.qualification ? ([['qualification', c.text(i.draftingOrg.qualification)]] as const) : []),
        ['reportDate', c.date(i.report.date)],
        ...(i.report.docNo ? ([['reportDocNo', normalizeDocNumber(i.report.docNo)]] as const) : []),
      ]),
    ];
    const ovBasis: Block[] = [
      ...c.sentence('basisLead', () => ({})),
      ...c.both((l) => i.basisDocuments.map((d, n) => l.p(`${n + 1}. ${docRef(l, d)}`))),
    ];
    const ovScope: Block[] = [
      ...c.paras(i.overview.summary),
      ...c.sentence('contentSummary', (l) => ({
        list: names(
          l,
          i.phaseScheme.constructionContent.map((x) => x.subsystem),
        ),
        n: i.phaseScheme.constructionContent.length,
      })),
      ...c.sentence('periodSummary', (l) => ({ months, start: l.month(period.start), end: l.month(period.end) })),
    ];
    const fundingTable = c.table(
      [col(c.label('no'), 0.8, 'center'), col(c.label('channel'), 5), col(c.label('amount'), 2.5, 'right'), col(c.label('share'), 1.7, 'right')],
      p.fundingSources.map((f, n) => [no(n), cell(c, f.channel), c.num(f.amount), share(c, f.amount, total)]),
      ['', c.label('total'), c.num(sumWan(p.fundingSources.map((f) => f.amount))), share(c, sumWan(p.fundingSources.map((f) => f.amount)), total)],
    );
    const ovInvestment: Block[] = [
      ...c.sentence('investmentSummary', (l) => ({
        total: l.stated(total),
        parts: p.investmentBreakdown.map((b) => `${l.text(b.item)}${isEn(l) ? ' ' : ''}${l.wan(b.amount)}`).join(semi(l)),
      })),
      ...c.sentence('fundingSummary', (l) => ({
        parts: p.fundingSources.map((f) => `${l.text(f.channel)}${isEn(l) ? ' ' : ''}${l.wan(f.amount)}`).join(semi(l)),
      })),
      fundingTable,
      ...c.sentence('oandmSummary', (l) => ({ amount: l.wan(p.annualOandM.amount), channel: l.text(p.annualOandM.channel) })),
    ];
    const ovBenefits: Block[] = [
      ...parasOf(c, i.overview.benefits),
      ...c.sentence('targetsSummary', (l) => ({
        n: p.performanceTargets.length,
        list: p.performanceTargets
          .slice(0, 6)
          .map((t) => {
            const unit = t.unit ? l.text(t.unit) : '';
            const value = typeof t.targetValue === 'number' ? qty(t.targetValue) : t.targetValue;
            return `${l.text(t.indicator)}${isEn(l) ? ' ' : ''}${value}${unit && isEn(l) && unit !== '%' ? ' ' : ''}${unit}`;
          })
          .join(semi(l)),
      })),
    ];
    let ovChanges: Block[] = [];
    if (i.proposalApproval) {
      const a = i.proposalApproval;
      const diff = sumWan([total, -a.approvedInvestment]);
      const diffKey = diff > 0 ? 'changeUp' : diff < 0 ? 'changeDown' : 'changeNone';
      ovChanges = [
        ...c.sentence('proposalApproval', (l) => ({
          date: l.date(a.date),
          department: l.text(a.approvedBy ?? p.approvingDepartment),
          docNo: normalizeDocNumber(a.docNo),
          approved: l.wan(a.approvedInvestment),
          total: l.wan(total),
          change: l.label(diffKey, { diff: l.wan(Math.abs(diff)), pct: share(l, Math.abs(diff), a.approvedInvestment) }),
        })),
        ...(i.changesSinceProposal.length
          ? [
              c.table(
                [col(c.label('no'), 0.8, 'center'), col(c.label('change.item'), 2.2), col(c.label('change.approved'), 3), col(c.label('change.proposed'), 3), col(c.label('change.reason'), 3.5)],
                i.changesSinceProposal.map((x, n) => [no(n), cell(c, x.item), cell(c, x.approved), cell(c, x.proposed), cell(c, x.reason)]),
              ),
            ]
          : c.sentence('noChanges', () => ({}))),
      ];
    }

    // ── 三、需求分析和必要性 ──
    const necessityLead: Block[] = i.attachments.requirementsReport
      ? c.sentence(i.attachments.requirementsReview ? 'requirementsBasisReviewed' : 'requirementsBasis', (l) => ({
          report: docRef(l, i.attachments.requirementsReport!),
          review: i.attachments.requirementsReview ? docRef(l, i.attachments.requirementsReview) : '',
        }))
      : [];
    const currentSystems: Block[] = i.necessity.currentSystems.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('sys.name'), 3), col(c.label('sys.year'), 1.3, 'center'), col(c.label('sys.status'), 5), col(c.label('sys.disposition'), 2)],
            i.necessity.currentSystems.map((s, n) => [no(n), cell(c, s.name), s.builtYear ? String(s.builtYear) : '—', cell(c, s.description), s.disposition ? cell(c, s.disposition) : '—']),
          ),
        ]
      : [];
    const socialProblems: Block[] = i.requirements.socialProblems.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('req.problem'), 6), col(c.label('req.indicator'), 3), col(c.label('req.value'), 2)],
            i.requirements.socialProblems.map((s, n) => [no(n), cell(c, s.problem), s.indicator ? cell(c, s.indicator) : '—', s.value ? cell(c, s.value) : '—']),
          ),
        ]
      : [];
    const business: Block[] = i.requirements.businessProcesses.length
      ? [
          prunedTable(
            c,
            [col(c.label('no'), 0.8, 'center'), col(c.label('req.process'), 3), col(c.label('req.processDescription'), 5), col(c.label('req.volume'), 2, 'right'), col(c.label('unit'), 1.4, 'center')],
            i.requirements.businessProcesses.map((b, n) => [no(n), cell(c, b.name), b.description ? cell(c, b.description) : '—', bi(c, (l) => count(l, b.volumePerYear), true), cell(c, b.unit)]),
            [2],
          ),
        ]
      : [];
    const iv = i.requirements.informationVolume;
    const infoVolume: Block[] = iv
      ? [
          c.facts([
            ['req.records', bi(c, (l) => count(l, iv.records))],
            ['req.storage', storage(iv.storageGB)],
            ['req.growth', c.percent(iv.annualGrowthPercent)],
            ['req.storage5y', storage(iv.storageGB * (1 + iv.annualGrowthPercent / 100) ** 5)],
          ]),
          ...parasOf(c, iv.notes),
        ]
      : [];
    const functional: Block[] = [
      c.h(c.labelInline('req.functionalHeading')),
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('req.function'), 3), col(c.label('req.functionDescription'), 8)],
        i.requirements.functional.map((f, n) => [no(n), cell(c, f.name), cell(c, f.description)]),
      ),
      ...(i.requirements.performance.length
        ? [
            c.h(c.labelInline('req.performanceHeading')),
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('req.performanceIndicator'), 4), col(c.label('req.performanceRequirement'), 7)],
              i.requirements.performance.map((f, n) => [no(n), cell(c, f.indicator), cell(c, f.requirement)]),
            ),
          ]
        : []),
    ];

    // ── 四、总体方案 ──
    const os = i.overallScheme;
    const goals: Block[] = os.goals
      ? [
          ...c.paras(os.goals.overall),
          ...(os.goals.phases.length
            ? [
                c.table(
                  [col(c.label('goal.phase'), 2.5), col(c.label('goal.period'), 2.5), col(c.label('goal.goal'), 7)],
                  os.goals.phases.map((g) => [cell(c, g.phase), g.period ? cell(c, g.period) : '—', cell(c, g.goal)]),
                ),
              ]
            : []),
        ]
      : [];
    const cd = p.crossDepartment;
    const crossDept: Block[] = cd
      ? [
          ...c.sentence('crossDepartmentLead', (l) => ({ lead: l.text(cd.leadDepartment), builders: names(l, cd.coBuilders) })),
          ...parasOf(c, os.crossDepartmentFramework?.summary),
          ...(os.crossDepartmentFramework?.division.length
            ? [
                c.table(
                  [col(c.label('no'), 0.8, 'center'), col(c.label('cross.department'), 3), col(c.label('cross.responsibility'), 8)],
                  os.crossDepartmentFramework.division.map((d, n) => [no(n), cell(c, d.department), cell(c, d.responsibility)]),
                ),
              ]
            : []),
          ...(os.crossDepartmentFramework?.dataFlows.length
            ? [
                c.h(c.labelInline('cross.flowsHeading')),
                c.table(
                  [col(c.label('no'), 0.8, 'center'), col(c.label('cross.from'), 2.6), col(c.label('cross.to'), 2.6), col(c.label('cross.data'), 3.2), col(c.label('cross.interface'), 2.8)],
                  os.crossDepartmentFramework.dataFlows.map((d, n) => [no(n), cell(c, d.from), cell(c, d.to), cell(c, d.data), cell(c, d.interface)]),
                ),
              ]
            : []),
          ...(i.attachments.crossDepartmentFramework ? c.sentence('frameworkAttached', (l) => ({ doc: docRef(l, i.attachments.crossDepartmentFramework!) })) : []),
        ]
      : [];

    // ── 五、本期建设方案 ──
    const ps = i.phaseScheme;
    const scope: Block[] = [
      ...parasOf(c, ps.scope),
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('phase.subsystem'), 3), col(c.label('phase.description'), 8)],
        ps.constructionContent.map((x, n) => [no(n), cell(c, x.subsystem), cell(c, x.description)]),
      ),
    ];
    const options: Block[] = ps.options.length
      ? [
          c.table(
            [col(c.label('option.name'), 2.2), col(c.label('option.description'), 4), col(c.label('option.advantages'), 2.6), col(c.label('option.disadvantages'), 2.6), col(c.label('option.estimate'), 1.8, 'right')],
            ps.options.map((o) => [
              bi(c, (l) => l.text(o.name) + (o.selected ? paren(l, l.label('option.selected')) : ''), true),
              cell(c, o.description),
              o.advantages ? cell(c, o.advantages) : '—',
              o.disadvantages ? cell(c, o.disadvantages) : '—',
              o.estimate === undefined ? '—' : c.num(o.estimate),
            ]),
          ),
          ...parasOf(c, ps.optionConclusion),
        ]
      : parasOf(c, ps.optionConclusion);
    const network: Block[] = [...c.sentence(`network.${ps.network.type}`, () => ({})), ...parasOf(c, ps.network.description)];
    const eq = ps.equipment;
    const eqAmounts = eq.items.filter((x) => x.amount !== undefined).map((x) => x.amount!);
    const equipment: Block[] = [
      ...parasOf(c, eq.principles),
      ...(eq.items.length
        ? [
            c.table(
              [
                col(c.label('no'), 0.8, 'center'),
                col(c.label('eq.name'), 3),
                col(c.label('eq.kind'), 1.4, 'center'),
                col(c.label('eq.spec'), 4),
                col(c.label('eq.quantity'), 1.2, 'right'),
                col(c.label('unit'), 1.1, 'center'),
                col(c.label('amount'), 1.8, 'right'),
              ],
              eq.items.map((x, n) => [no(n), cell(c, x.name), c.label(`eqKind.${x.kind}`), x.spec ? cell(c, x.spec) : '—', qty(x.quantity), cell(c, x.unit), x.amount === undefined ? '—' : c.num(x.amount)]),
              eqAmounts.length ? ['', c.label('total'), '', '', '', '', c.num(sumWan(eqAmounts))] : undefined,
            ),
          ]
        : []),
    ];
    const intensive: Block[] = [
      ...c.sentence(i.cloud.newMachineRoom || i.cloud.newServers ? 'intensiveExceptions' : 'intensiveReliance', (l) => ({ platform: l.text(i.cloud.platform), exchange: l.text(sc.exchange.platform) })),
      ...parasOf(c, ps.intensiveConstruction),
    ];
    const productSafety: Block[] = [
      ...c.paras(i.productSafety.statement),
      ...(i.productSafety.products.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('safety.product'), 3), col(c.label('safety.category'), 2.2), col(c.label('safety.statement'), 6)],
              i.productSafety.products.map((x, n) => [no(n), cell(c, x.product), cell(c, x.category), cell(c, x.statement)]),
            ),
          ]
        : []),
    ];
    const crypto: Block[] = [
      ...c.paras(i.cryptography.summary),
      ...(i.cryptography.measures.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('crypto.layer'), 2.6), col(c.label('crypto.measure'), 8.6)],
              i.cryptography.measures.map((x, n) => [no(n), cell(c, x.layer), cell(c, x.measure)]),
            ),
          ]
        : []),
      ...(i.cryptography.assessment ? c.paras(i.cryptography.assessment) : []),
      ...(i.attachments.cryptoPlan ? c.sentence('cryptoPlanAttached', (l) => ({ doc: docRef(l, i.attachments.cryptoPlan!) })) : []),
    ];
    const protection: Block[] = [
      ...c.sentence('protectionLevel', (l) => ({ level: securityLevelText(l, p.securityLevel) })),
      ...(i.protection.filingUnit ? c.sentence('protectionFiling', (l) => ({ unit: l.text(i.protection.filingUnit!) })) : []),
      ...c.paras(i.protection.design),
    ];
    const cl = i.cloud;
    const cloud: Block[] = [
      ...c.sentence('cloudLead', (l) => ({ platform: l.text(cl.platform) })),
      c.facts([
        ['cloud.vcpu', int(cl.resources.vcpu)],
        ['cloud.memory', `${int(cl.resources.memoryGB)} GB`],
        ['cloud.storage', `${qty(cl.resources.storageTB)} TB`],
        ...(cl.resources.databases ? ([['cloud.databases', c.text(cl.resources.databases)]] as const) : []),
        ...(cl.resources.other ? ([['cloud.other', c.text(cl.resources.other)]] as const) : []),
        ['cloud.newMachineRoom', yesNo(cl.newMachineRoom)],
        ['cloud.newServers', yesNo(cl.newServers)],
      ]),
      ...(cl.newMachineRoom || cl.newServers ? c.sentence('cloudExceptionNote', () => ({})) : c.sentence('cloudNoNewRoom', () => ({}))),
      ...(cl.justification ? c.paras(cl.justification) : []),
      ...parasOf(c, cl.description),
    ];

    // ── 六、信息资源共享分析篇章 ──
    const needs: Block[] = [
      ...parasOf(c, sc.needsAnalysis),
      ...(sc.needs.length
        ? [
            ...c.sentence('needsSummary', (l) => ({
              n: sc.needs.length,
              parts: (['intra-department', 'inter-department', 'central-local'] as const)
                .map((scope) => ({ scope, n: sc.needs.filter((x) => x.scope === scope).length }))
                .filter((x) => x.n > 0)
                .map((x) => l.label(`needPart.${x.scope}`, { n: x.n }))
                .join(listSep(l)),
            })),
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('need.resource'), 3), col(c.label('need.provider'), 2.4), col(c.label('need.scope'), 1.6, 'center'), col(c.label('need.purpose'), 4), col(c.label('need.frequency'), 1.4, 'center')],
              sc.needs.map((x, n) => [no(n), cell(c, x.resource), cell(c, x.provider), c.label(`needScope.${x.scope}`), cell(c, x.purpose), cell(c, x.frequency)]),
            ),
          ]
        : c.sentence('noNeeds', () => ({}))),
    ];
    const supply: Block[] = [
      ...parasOf(c, sc.suppliesAnalysis),
      ...(sc.supplies.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('supply.resource'), 3), col(c.label('supply.consumers'), 3.6), col(c.label('supply.mode'), 1.6, 'center'), col(c.label('supply.purpose'), 4)],
              sc.supplies.map((x, n) => [
                no(n),
                cell(c, x.resource),
                bi(c, (l) => x.consumers.map((y) => l.text(y)).join(isEn(l) ? '; ' : '、'), true),
                c.label(`shareMode.${x.mode}`),
                x.purpose ? cell(c, x.purpose) : '—',
              ]),
            ),
          ]
        : c.sentence('noSupplies', () => ({}))),
    ];
    const catalogueBlocks: Block[] = [
      ...c.sentence('catalogueStats', (l) => ({
        n: stats.total,
        providers: stats.providers,
        items: stats.items,
        parts: (
          [
            ['unconditional', stats.unconditional],
            ['conditional', stats.conditional],
            ['not-shared', stats.notShared],
          ] as const
        )
          .filter(([, n]) => n > 0)
          .map(([type, n]) => l.label(`sharePart.${type}`, { n }))
          .join(listSep(l)),
        open: stats.open,
      })),
      catalogueSummary(c, cat),
      ...c.sentence('catalogueAnnexNote', () => ({})),
    ];
    const exchange: Block[] = [
      ...c.sentence('exchangeLead', (l) => ({
        platform: l.text(sc.exchange.platform),
        parts: (Object.entries(stats.byMode) as Array<[string, number]>)
          .filter(([, n]) => n > 0)
          .map(([mode, n]) => l.label(`modePart.${mode}`, { n }))
          .join(listSep(l)),
      })),
      ...c.paras(sc.exchange.description),
    ];
    const openEntries = cat.filter((e) => e.openAttr.openToPublic);
    const openFree = openEntries.filter((e) => !e.openAttr.condition);
    const openConditional = openEntries.length - openFree.length;
    const openness: Block[] = [
      ...parasOf(c, sc.openness),
      ...(openEntries.length
        ? [
            ...c.sentence('openSummary', () => ({ n: stats.open, total: stats.total, conditional: openConditional })),
            ...(openFree.length ? c.sentence('openWithoutConditions', (l) => ({ list: openFree.map((e) => l.text(e.name)).join(listSep(l)) })) : []),
            ...(openConditional ? [openConditionsTable(c, cat)] : []),
          ]
        : c.sentence('noneOpen', () => ({}))),
    ];
    const sharingSecurity: Block[] = [
      ...parasOf(c, sc.security),
      ...(stats.classified ? c.sentence('classifiedEntries', () => ({ n: stats.classified })) : []),
    ];
    const sharable = stats.unconditional + stats.conditional;
    const impact: Block[] = [
      ...c.sentence('impactLead', (l) => ({ n: stats.total, sharable, pct: share(l, sharable, stats.total) })),
      ...parasOf(c, sc.impact),
    ];

    // ── 七、招标 ──
    const pk = i.tendering.packages;
    const tenderSum = sumWan(pk.map((x) => x.amount));
    const byMethod = (f: (x: TenderPackage) => boolean) => ({ n: pk.filter(f).length, amount: sumWan(pk.filter(f).map((x) => x.amount)) });
    const open = byMethod((x) => x.scope !== 'none' && x.method === 'open');
    const invited = byMethod((x) => x.scope !== 'none' && x.method === 'invited');
    const none = byMethod((x) => x.scope === 'none');
    const tenderingPlan: Block[] = [
      ...parasOf(c, i.tendering.plan),
      ...c.sentence('tenderSummary', (l) => ({
        n: pk.length,
        sum: l.wan(tenderSum),
        parts: [
          open.n ? l.label('tenderPart.open', { n: open.n, amount: l.wan(open.amount), share: share(l, open.amount, tenderSum) }) : '',
          invited.n ? l.label('tenderPart.invited', { n: invited.n, amount: l.wan(invited.amount), share: share(l, invited.amount, tenderSum) }) : '',
          none.n ? l.label('tenderPart.none', { n: none.n, amount: l.wan(none.amount), share: share(l, none.amount, tenderSum) }) : '',
        ]
          .filter(Boolean)
          .join(semi(l)),
      })),
      ...(pk.some((x) => x.reason)
        ? [
            c.h(c.labelInline('tender.reasonsHeading')),
            ...c.both((l) => pk.filter((x) => x.reason).map((x, n) => l.p(`${n + 1}. ${l.text(x.name)}${colon(l)}${l.text(x.reason!)}`))),
          ]
        : []),
    ];
    const tenderingTable: Block[] = [
      c.table(
        [
          col(c.label('tender.package'), 3.0),
          col(c.label('tender.amount'), 2.2, 'right'),
          col(c.label('tender.full'), 1.2, 'center'),
          col(c.label('tender.partial'), 1.2, 'center'),
          col(c.label('tender.self'), 1.2, 'center'),
          col(c.label('tender.entrusted'), 1.2, 'center'),
          col(c.label('tender.open'), 1.2, 'center'),
          col(c.label('tender.invited'), 1.2, 'center'),
          col(c.label('tender.none'), 1.2, 'center'),
          col(c.label('tender.note'), 2.0, 'center'),
        ],
        pk.map((x) => tenderRow(c, x)),
        [c.label('total'), c.num(tenderSum), '', '', '', '', '', '', '', ''],
      ),
      ...c.sentence('tenderTableNote', () => ({})),
    ];

    // ── 八、环保、消防、职业安全卫生和节能 ──
    const energyChapter: Block[] = energyTriggered
      ? c.sentence(i.energy.civilWorks ? (i.energy.highEnergy ? 'energyBoth' : 'energyCivil') : 'energyHigh', () => ({}))
      : [...c.sentence('energyWaived', () => ({})), ...parasOf(c, i.energy.statement)];
    const energySaving: Block[] = [
      ...(i.energy.pueTarget !== undefined || i.energy.annualElectricityMWh !== undefined
        ? [
            c.facts([
              ...(i.energy.pueTarget !== undefined ? ([['energy.pue', qty(i.energy.pueTarget)]] as const) : []),
              ...(i.energy.annualElectricityMWh !== undefined ? ([['energy.electricity', `${qty(i.energy.annualElectricityMWh)} MWh`]] as const) : []),
            ]),
          ]
        : []),
      ...parasOf(c, i.energy.energySaving),
      ...(i.attachments.energyAssessment ? c.sentence('energyAssessmentAttached', (l) => ({ doc: docRef(l, i.attachments.energyAssessment!) })) : []),
    ];
    const siteLand: Block[] = [
      ...parasOf(c, i.energy.siteAndLand),
      ...(i.attachments.siteLandEnvironment.length
        ? c.sentence('siteDocuments', (l) => ({ docs: i.attachments.siteLandEnvironment.map((d) => docRef(l, d)).join(semi(l)) }))
        : []),
    ];

    // ── 九、社会稳定风险 ──
    const ssr = i.socialStabilityRisk;
    const stability: Block[] = ssr
      ? [
          ...c.sentence('stabilityLevel', (l) => ({ level: l.label(`riskLevel.${ssr.level}`) })),
          c.h(c.labelInline('stability.analysisHeading')),
          ...c.paras(ssr.analysis),
          c.h(c.labelInline('stability.measuresHeading')),
          ...c.paras(ssr.measures),
          ...(i.attachments.socialStabilityReport
            ? c.sentence(i.attachments.socialStabilityOpinion ? 'stabilityReportWithOpinion' : 'stabilityReport', (l) => ({
                report: docRef(l, i.attachments.socialStabilityReport!),
                opinion: i.attachments.socialStabilityOpinion ? docRef(l, i.attachments.socialStabilityOpinion) : '',
              }))
            : []),
        ]
      : [];

    // ── 十、组织机构和人员培训 ──
    const org = i.organisation;
    const staffing: Block[] = org.staffing.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('staff.role'), 3), col(c.label('staff.count'), 1.4, 'right'), col(c.label('staff.duties'), 7)],
            org.staffing.map((x, n) => [no(n), cell(c, x.role), int(x.count), cell(c, x.duties)]),
            ['', c.label('total'), int(org.staffing.reduce((s, x) => s + x.count, 0)), ''],
          ),
        ]
      : [];
    const hasHours = org.training.some((x) => x.hours !== undefined);
    const training: Block[] = org.training.length
      ? [
          c.table(
            [
              col(c.label('no'), 0.8, 'center'),
              col(c.label('train.audience'), 3),
              col(c.label('train.content'), 6),
              col(c.label('train.persons'), 1.5, 'right'),
              ...(hasHours ? [col(c.label('train.hours'), 1.4, 'right')] : []),
            ],
            org.training.map((x, n) => [no(n), cell(c, x.audience), cell(c, x.content), int(x.persons), ...(hasHours ? [x.hours === undefined ? '—' : qty(x.hours)] : [])]),
            ['', c.label('total'), '', int(org.training.reduce((s, x) => s + x.persons, 0)), ...(hasHours ? [''] : [])],
          ),
        ]
      : [];

    // ── 十一、实施进度 ──
    const schedule: Block[] = [
      ...c.sentence('periodSummary', (l) => ({ months, start: l.month(period.start), end: l.month(period.end) })),
      ...(i.schedule.length
        ? [
            prunedTable(
              c,
              [col(c.label('no'), 0.8, 'center'), col(c.label('sched.milestone'), 4), col(c.label('sched.start'), 2.2, 'center'), col(c.label('sched.end'), 2.2, 'center'), col(c.label('sched.deliverable'), 3.5)],
              i.schedule.map((m, n) => [no(n), cell(c, m.milestone), m.start ? c.month(m.start) : '—', c.month(m.end), m.deliverable ? cell(c, m.deliverable) : '—']),
              [2, 4],
            ),
          ]
        : []),
    ];

    // ── 十二、投资估算 ──
    const inv = i.investment;
    const breakdownSum = sumWan(p.investmentBreakdown.map((b) => b.amount));
    const estimateBlocks: Block[] = [
      ...c.sentence('estimateLead', (l) => ({ total: l.wan(total) })),
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 6), col(c.label('amount'), 2.4, 'right'), col(c.label('share'), 1.8, 'right')],
        p.investmentBreakdown.map((b, n) => [no(n), cell(c, b.item), c.num(b.amount), share(c, b.amount, total)]),
        ['', c.label('total'), c.num(breakdownSum), share(c, breakdownSum, total)],
      ),
    ];
    if (inv.estimate.length) {
      const groups = (['construction', 'other', 'contingency'] as const).filter((g) => inv.estimate.some((x) => x.group === g));
      const rows: string[][] = [];
      groups.forEach((g, gi) => {
        const items = inv.estimate.filter((x) => x.group === g);
        const sub = sumWan(items.map((x) => x.amount));
        rows.push([c.lang === 'en' ? String.fromCharCode(65 + gi) : chineseOrdinal(gi + 1), c.label(`estimateGroup.${g}`), '', '', c.num(sub), share(c, sub, total)]);
        items.forEach((x, n) => rows.push([`${n + 1}`, cell(c, x.item), x.spec ? cell(c, x.spec) : '', x.quantity === undefined ? '' : bi(c, (l) => `${qty(x.quantity!)}${x.unit ? (isEn(l) ? ' ' : '') + l.text(x.unit) : ''}`), c.num(x.amount), share(c, x.amount, total)]));
      });
      const estSum = sumWan(inv.estimate.map((x) => x.amount));
      estimateBlocks.push(
        c.h(c.labelInline('inv.detailHeading')),
        c.table(
          [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 3.6), col(c.label('inv.spec'), 3.6), col(c.label('inv.quantity'), 1.4, 'right'), col(c.label('amount'), 2, 'right'), col(c.label('share'), 1.4, 'right')],
          rows,
          ['', c.label('total'), '', '', c.num(estSum), share(c, estSum, total)],
        ),
      );
    }
    const funding: Block[] = [
      fundingTable,
      ...parasOf(c, inv.fundingArrangement),
      ...(i.centralLocal && i.attachments.localFundingCommitment ? c.sentence('localCommitment', (l) => ({ doc: docRef(l, i.attachments.localFundingCommitment!) })) : []),
    ];
    const usePlanSum = sumWan(inv.annualUsePlan.map((x) => x.amount));
    const usePlan: Block[] = inv.annualUsePlan.length
      ? [
          prunedTable(
            c,
            [col(c.label('plan.year'), 1.6, 'center'), col(c.label('amount'), 2.4, 'right'), col(c.label('share'), 1.6, 'right'), col(c.label('plan.purpose'), 6)],
            inv.annualUsePlan.map((x) => [bi(c, (l) => l.label('plan.yearValue', { year: x.year })), c.num(x.amount), share(c, x.amount, total), x.purpose ? cell(c, x.purpose) : '—']),
            [3],
            [c.label('total'), c.num(usePlanSum), share(c, usePlanSum, total), ''],
          ),
        ]
      : [];
    const oandmSum = sumWan(inv.oandmItems.map((x) => x.amount));
    const oandm: Block[] = [
      ...c.sentence('oandmEstimate', (l) => ({ amount: l.wan(p.annualOandM.amount), channel: l.text(p.annualOandM.channel), pct: share(l, p.annualOandM.amount, total) })),
      ...(inv.oandmItems.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 7), col(c.label('amount'), 2.4, 'right')],
              inv.oandmItems.map((x, n) => [no(n), cell(c, x.item), c.num(x.amount)]),
              ['', c.label('total'), c.num(oandmSum)],
            ),
          ]
        : []),
      ...parasOf(c, inv.oandmBasis),
    ];

    // ── 十三、效益与评价指标 ──
    const indicators: Block[] = [
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('objective'), 3.2), col(c.label('indicator'), 3.4), col(c.label('indicatorType'), 1.8, 'center'), col(c.label('unit'), 1.2, 'center'), col(c.label('targetValue'), 1.6, 'right')],
        p.performanceTargets.map((t, n) => [
          no(n),
          cell(c, t.objective),
          cell(c, t.indicator),
          c.label(`indicatorTypes.${t.type}`),
          t.unit ? cell(c, t.unit) : '—',
          typeof t.targetValue === 'number' ? qty(t.targetValue) : t.targetValue,
        ]),
      ),
      ...(i.evaluationIndicators.length
        ? [
            c.h(c.labelInline('eval.heading')),
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('indicator'), 3.6), col(c.label('unit'), 1.2, 'center'), col(c.label('eval.baseline'), 1.6, 'right'), col(c.label('eval.target'), 1.6, 'right'), col(c.label('eval.method'), 3.2)],
              i.evaluationIndicators.map((x, n) => [
                no(n),
                cell(c, x.indicator),
                x.unit ? cell(c, x.unit) : '—',
                typeof x.baseline === 'number' ? qty(x.baseline) : x.baseline,
                typeof x.target === 'number' ? qty(x.target) : x.target,
                x.method ? cell(c, x.method) : '—',
              ]),
            ),
          ]
        : []),
    ];

    // ── 十四、风险 ──
    const risks: Block[] = [
      ...(i.risks.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('risk.category'), 1.8), col(c.label('risk.risk'), 4.4), col(c.label('risk.level'), 1.2, 'center'), col(c.label('risk.mitigation'), 4.6)],
              i.risks.map((r, n) => [no(n), cell(c, r.category), cell(c, r.risk), r.level ? c.label(`riskLevel.${r.level}`) : '—', cell(c, r.mitigation)]),
            ),
          ]
        : []),
      ...parasOf(c, i.riskManagement),
    ];

    // ── 附表、附件 ──
    const annexCatalogue: Block[] = [
      ...c.sentence('annexCatalogueLead', () => ({ n: stats.total })),
      ...cat.flatMap((e: CatalogueEntry, n) => catalogueDetail(c, e, n)),
    ];
    const docs = attachmentDocuments(i);
    const annexDocuments: Block[] = c.both((l) =>
      docs.map((d, n) => l.p(`${l.label('attachmentNo', { n: n + 1 })}${l.label(d.key)}${colon(l)}${docRef(l, d.doc)}`)),
    );

    return {
      overview: [],
      ov_project_name: ovProjectName,
      ov_units: ovUnits,
      ov_drafting_org: ovDrafting,
      ov_basis: ovBasis,
      ov_scope_period: ovScope,
      ov_investment_funding: ovInvestment,
      ov_benefits: ovBenefits,
      ov_changes_since_proposal: ovChanges,
      ov_conclusions: parasOf(c, i.overview.conclusions),
      unit_functions: parasOf(c, i.unitProfile.functions),
      unit_implementing_body: [
        ...c.sentence('implementingBodySentence', (l) => ({ unit: l.text(p.constructionUnit.name), body: l.text(p.implementingBody), leader: l.text(p.leader.name) })),
        ...parasOf(c, i.unitProfile.implementingBodyDuties),
      ],
      necessity: necessityLead,
      nec_background: parasOf(c, i.necessity.background),
      nec_current_systems: currentSystems,
      nec_problems: c.list(i.necessity.problems),
      req_objectives: [...parasOf(c, i.requirements.objectives), ...socialProblems],
      req_business: business,
      req_information_volume: infoVolume,
      req_functional_performance: functional,
      req_security: [...c.sentence('securityRequirement', (l) => ({ level: securityLevelText(l, p.securityLevel) })), ...c.paras(i.requirements.security)],
      nec_significance: c.paras(i.necessity.significance),
      overall_principles: parasOf(c, os.principles),
      overall_goals: goals,
      overall_tasks: parasOf(c, os.tasks),
      overall_design: parasOf(c, os.architecture),
      overall_cross_department: crossDept,
      phase_scope: scope,
      phase_options: options,
      phase_standards: parasOf(c, ps.standards),
      phase_data_resources: parasOf(c, ps.dataResources),
      phase_app_support: parasOf(c, ps.applicationSupport),
      phase_applications: parasOf(c, ps.applications),
      phase_processing_storage: parasOf(c, ps.processingStorage),
      phase_terminals: parasOf(c, ps.terminals),
      phase_network: network,
      phase_security_system: parasOf(c, ps.securitySystem),
      phase_backup: parasOf(c, ps.backup),
      phase_operations_system: parasOf(c, ps.operations),
      phase_equipment: equipment,
      phase_machine_room: parasOf(c, ps.machineRoom),
      phase_intensive: intensive,
      phase_product_safety: productSafety,
      phase_cryptography: crypto,
      phase_protection: protection,
      phase_cloud: cloud,
      sharing: c.sentence('sharingLead', () => ({})),
      sharing_current: parasOf(c, sc.current),
      sharing_needs: needs,
      sharing_supply: supply,
      sharing_catalogue: catalogueBlocks,
      sharing_declaration: [...c.sentence('declarationLead', () => ({})), declarationTable(c, cat)],
      sharing_exchange: exchange,
      sharing_processing: [...parasOf(c, sc.processing), ...c.sentence('processingNote', () => ({}))],
      sharing_openness: openness,
      sharing_mechanisms: c.paras(sc.mechanisms),
      sharing_security: sharingSecurity,
      sharing_impact: impact,
      tendering_plan: tenderingPlan,
      tendering_table: tenderingTable,
      environment_energy: energyChapter,
      env_energy_saving: energySaving,
      env_site_land: siteLand,
      env_environmental_impact: parasOf(c, i.energy.environment),
      env_fire_occupational: parasOf(c, i.energy.fireAndSafety),
      social_stability: stability,
      org_structure: parasOf(c, org.structure),
      org_staffing: staffing,
      org_training: training,
      org_supervision: parasOf(c, org.supervision),
      schedule,
      inv_basis: c.paras(inv.basis),
      inv_estimate: estimateBlocks,
      inv_funding: funding,
      inv_use_plan: usePlan,
      inv_oandm: oandm,
      ben_economic: c.paras(i.benefits.economic),
      ben_social: c.paras(i.benefits.social),
      ben_indicators: indicators,
      risks,
      annex_sharing_catalogue: annexCatalogue,
      annex_documents: annexDocuments,
    };
  },
});
