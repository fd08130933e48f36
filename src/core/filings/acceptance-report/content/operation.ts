// 运行维护保障安排 and 存在问题及整改: who runs the system on which funds, and what is still open.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const operation: ContentBuilders<AcceptanceReportInput> = {
  operation: (i, c) => [
    c.facts([
      ['operationUnit', c.text(i.operation.unit)],
      ['annualOandM', c.wan(i.project.annualOandM.amount)],
      ['channel', c.text(i.project.annualOandM.channel)],
    ]),
    ...c.paras(i.operation.arrangement),
  ],
  open_issues: (i, c) =>
    i.openIssues.length
      ? [
          c.table(
            [noCol(c), labelCol(c, 'issue', 6), labelCol(c, 'measure', 6), labelCol(c, 'owner', 3), labelCol(c, 'due', 3, 'center')],
            i.openIssues.map((x, k) => [no(k), c.text(x.issue), c.text(x.measure), x.owner ? c.text(x.owner) : c.text(i.project.implementingBody), x.due ? c.date(x.due) : '—']),
          ),
        ]
      : c.sentence('noOpenIssues', () => ({})),
};
