// 信息资源共享分析 (57号 Art. 11; 2013意见 V(1)): current resources, needs, supply, the catalogue and its declaration,
// exchange, processing, openness, mechanisms, security and the chapter's bearing on investment and acceptance.
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { isEn, listSep } from '../../prose/punctuation.ts';
import { share } from '../../prose/numbers.ts';
import { col, no, parasOf } from '../../prose/tables.ts';
import { catalogueStats } from '../figures.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { catalogueSummary, declarationTable, openConditionsTable } from './catalogue-tables.ts';

type I = FeasibilityStudyInput;

function needs(i: I, c: ContentContext): Block[] {
  const sc = i.sharingChapter;
  return [
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
}

function supply(i: I, c: ContentContext): Block[] {
  const sc = i.sharingChapter;
  return [
    ...parasOf(c, sc.suppliesAnalysis),
    ...(sc.supplies.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('supply.resource'), 3), col(c.label('supply.consumers'), 3.6), col(c.label('supply.mode'), 1.6, 'center'), col(c.label('supply.purpose'), 4)],
            sc.supplies.map((x, n) => [
              no(n),
              cell(c, x.resource),
              perLanguage(c, (l) => x.consumers.map((y) => l.text(y)).join(isEn(l) ? '; ' : '、'), '\n'),
              c.label(`shareMode.${x.mode}`),
              x.purpose ? cell(c, x.purpose) : '—',
            ]),
          ),
        ]
      : c.sentence('noSupplies', () => ({}))),
  ];
}

function catalogue(i: I, c: ContentContext): Block[] {
  const cat = i.sharingChapter.catalogue;
  const stats = catalogueStats(cat);
  const parts = [
    ['unconditional', stats.unconditional],
    ['conditional', stats.conditional],
    ['not-shared', stats.notShared],
  ] as const;
  return [
    ...c.sentence('catalogueStats', (l) => ({
      n: stats.total,
      providers: stats.providers,
      items: stats.items,
      parts: parts
        .filter(([, n]) => n > 0)
        .map(([type, n]) => l.label(`sharePart.${type}`, { n }))
        .join(listSep(l)),
      open: stats.open,
    })),
    catalogueSummary(c, cat),
    ...c.sentence('catalogueAnnexNote', () => ({})),
  ];
}

function openness(i: I, c: ContentContext): Block[] {
  const cat = i.sharingChapter.catalogue;
  const stats = catalogueStats(cat);
  const openEntries = cat.filter((e) => e.openAttr.openToPublic);
  const openFree = openEntries.filter((e) => !e.openAttr.condition);
  const conditional = openEntries.length - openFree.length;
  return [
    ...parasOf(c, i.sharingChapter.openness),
    ...(openEntries.length
      ? [
          ...c.sentence('openSummary', () => ({ n: stats.open, total: stats.total, conditional })),
          ...(openFree.length ? c.sentence('openWithoutConditions', (l) => ({ list: openFree.map((e) => l.text(e.name)).join(listSep(l)) })) : []),
          ...(conditional ? [openConditionsTable(c, cat)] : []),
        ]
      : c.sentence('noneOpen', () => ({}))),
  ];
}

export const sharing: ContentBuilders<I> = {
  sharing: (_, c) => c.sentence('sharingLead', () => ({})),
  sharing_current: (i, c) => parasOf(c, i.sharingChapter.current),
  sharing_needs: needs,
  sharing_supply: supply,
  sharing_catalogue: catalogue,
  sharing_declaration: (i, c) => [...c.sentence('declarationLead', () => ({})), declarationTable(c, i.sharingChapter.catalogue)],
  sharing_exchange: (i, c) => {
    const sc = i.sharingChapter;
    const stats = catalogueStats(sc.catalogue);
    return [
      ...c.sentence('exchangeLead', (l) => ({
        platform: l.text(sc.exchange.platform),
        parts: (Object.entries(stats.byMode) as Array<[string, number]>)
          .filter(([, n]) => n > 0)
          .map(([mode, n]) => l.label(`modePart.${mode}`, { n }))
          .join(listSep(l)),
      })),
      ...c.paras(sc.exchange.description),
    ];
  },
  sharing_processing: (i, c) => [...parasOf(c, i.sharingChapter.processing), ...c.sentence('processingNote', () => ({}))],
  sharing_openness: openness,
  sharing_mechanisms: (i, c) => c.paras(i.sharingChapter.mechanisms),
  sharing_security: (i, c) => {
    const stats = catalogueStats(i.sharingChapter.catalogue);
    return [...parasOf(c, i.sharingChapter.security), ...(stats.classified ? c.sentence('classifiedEntries', () => ({ n: stats.classified })) : [])];
  },
  sharing_impact: (i, c) => {
    const stats = catalogueStats(i.sharingChapter.catalogue);
    const sharable = stats.unconditional + stats.conditional;
    return [...c.sentence('impactLead', (l) => ({ n: stats.total, sharable, pct: share(l, sharable, stats.total) })), ...parasOf(c, i.sharingChapter.impact)];
  },
};
