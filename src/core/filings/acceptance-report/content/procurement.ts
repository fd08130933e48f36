// 招标采购与合同管理: how contracts were procured, the contracts and (district) their filing (57号 Art. 13; district Art. 13).
import type { ContentBuilders } from '../../filing.ts';
import { sumWan } from '../../../format/format.ts';
import { measureOf, workingDaysBetween } from '../figures.ts';
import { formatCitation } from '../../../regulations/documents.ts';
import { citeMeasure } from '../../../regulations/profiles.ts';
import { zhOf } from '../../prose/bilingual.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import type { ContentContext } from '../../content-context.ts';
import { amountCol, noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

type I = AcceptanceReportInput;

export const procurement: ContentBuilders<I> = {
  procurement: (i, c) => {
    const contracts = i.procurement.contracts;
    const tendered = contracts.filter((x) => x.method === 'open-tender' || x.method === 'invited-tender').length;
    return c.sentence('procurementLead', (l) => ({ count: contracts.length, amount: l.wan(sumWan(contracts.map((x) => x.amount))), tendered }));
  },
  tendering: (i, c) => c.paras(i.procurement.summary),
  contracts: (i, c) => {
    const contracts = i.procurement.contracts;
    return [
      c.table(
        [noCol(c), labelCol(c, 'contractName', 5), labelCol(c, 'supplier', 4), labelCol(c, 'method', 2, 'center'), amountCol(c, 'amount'), labelCol(c, 'signDate', 3, 'center')],
        contracts.map((x, k) => [no(k), c.text(x.name), c.text(x.supplier), c.label(`methodOf.${x.method}`), c.num(x.amount), c.date(x.signDate)]),
        [c.label('total'), '', '', '', c.num(sumWan(contracts.map((x) => x.amount))), ''],
      ),
    ];
  },
  contract_filing: (i, c) => {
    const m = measureOf(i);
    // The section exists only for profiles that set the filing (sections.ts), so the rule is there.
    const rule = m.contractFiling!;
    const days = rule.workingDays;
    const contracts = i.procurement.contracts;
    const inTime = contracts.every((x) => x.filedDate && workingDaysBetween(x.signDate, x.filedDate) <= days);
    // The office by the approving department's own name when that is the office, else by the measure's name for it.
    const dept = i.project.approvingDepartment;
    const office = (l: ContentContext) => (zhOf(dept).includes(rule.office.zh) ? l.text(dept) : l.lang === 'en' ? rule.office.en : rule.office.zh);
    return [
      ...c.sentence('contractFilingRule', (l) => ({ days, department: office(l), basis: formatCitation(citeMeasure(m, rule.article), l.lang) })),
      c.table(
        [noCol(c), labelCol(c, 'contractName', 6), labelCol(c, 'signDate', 3, 'center'), labelCol(c, 'filedDate', 3, 'center'), labelCol(c, 'workingDays', 2, 'center')],
        contracts.map((x, k) => [
          no(k),
          c.text(x.name),
          c.date(x.signDate),
          x.filedDate ? c.date(x.filedDate) : c.label('notFiled'),
          x.filedDate ? String(workingDaysBetween(x.signDate, x.filedDate)) : '—',
        ]),
      ),
      ...c.sentence(inTime ? 'contractFilingAllInTime' : 'contractFilingSomeLate', () => ({ days })),
    ];
  },
};
