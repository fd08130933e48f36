// The proposal's 信息共享目录: counts by sharing type, a summary table, and each entry's attributes (2013意见; 51号).
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { CatalogueEntry, ProjectProposalInput } from '../schema.ts';
import { paren } from '../../prose/punctuation.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { catalogueCounts } from '../figures.ts';
import { marks, sentenceNo } from './shared.ts';

function entryFacts(c: ContentContext, e: CatalogueEntry): Array<[string, string]> {
  const m = marks(c);
  const items = e.items.map((f) => c.text(f.name) + (f.dataType ? paren(c, c.text(f.dataType)) : '')).join(m.enum);
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
  if (e.responsibleDepartment) rows.push(['responsibleDepartment', c.text(e.responsibleDepartment)]);
  if (e.registration) {
    const r = e.registration;
    rows.push(['catalogueRegistration', perLanguage(c, (l) => l.label('registrationFacts', { code: r.catalogueCode, date: l.date(r.date), system: l.text(r.system) }))]);
  }
  return rows;
}

export function catalogueBlocks(i: ProjectProposalInput, c: ContentContext): Block[] {
  const cat = i.requirements.sharing.catalogue;
  const counts = catalogueCounts(i);
  return [
    ...c.sentence('catalogueSummary', () => ({ n: cat.length, ...counts })),
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
    ...cat.flatMap((e, n) => [c.h(`${sentenceNo(n + 1, c)}${c.text(e.name)}`), c.facts(entryFacts(c, e))]),
  ];
}
