// 建设任务完成情况: the approved tasks and every change to content or investment (57号 Art. 22–23).
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import { pct, share } from '../../prose/numbers.ts';
import { acceptanceFigures, measureOf } from '../figures.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { amountCol, baseVars, noCol, shortRef } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

type I = AcceptanceReportInput;

function changeVars(i: I, l: ContentContext): Record<string, string | number> {
  const f = acceptanceFigures(i);
  return {
    count: i.changes.length,
    total: l.wan(f.changesTotal),
    self: l.wan(f.selfManagedChanges),
    selfRatio: pct(l, f.selfManagedRatio),
    limit: measureOf(i).adjustments.selfManaged?.limitPercent ?? 0,
    department: l.text(i.project.approvingDepartment),
  };
}

export const tasks: ContentBuilders<I> = {
  task_completion: (i, c) => {
    const done = i.tasks.filter((t) => t.status === 'completed' || t.status === 'completed-adjusted').length;
    return c.sentence('tasksSummary', (l) => ({ count: i.tasks.length, done, ...baseVars(i, l) }));
  },
  task_status: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'approvedItem', 5), labelCol(c, 'status', 2, 'center'), labelCol(c, 'outcome', 7)],
      i.tasks.map((t, k) => [no(k), c.text(t.item), c.label(`statusOf.${t.status}`), t.outcome ? c.text(t.outcome) : '—']),
    ),
  ],
  changes: (i, c) => {
    const f = acceptanceFigures(i);
    const selfChanges = i.changes.filter((x) => x.handling === 'self-managed');
    // Where the measure has no self-managed route (district Art. 16), a self-managed change is out of route whatever its size.
    const limit = measureOf(i).adjustments.selfManaged?.limitPercent;
    const selfState = limit === undefined ? 'changesSelfNotAllowed' : f.selfManagedRatio !== null && f.selfManagedRatio <= limit ? 'changesSelfWithin' : 'changesSelfOver';
    const vars = (l: ContentContext) => changeVars(i, l);
    return [
      c.table(
        [noCol(c), labelCol(c, 'changeDescription', 5), labelCol(c, 'changeReason', 3), labelCol(c, 'handling', 2, 'center'), amountCol(c, 'amount'), labelCol(c, 'ratioToEstimate', 2, 'right'), labelCol(c, 'reference', 4)],
        i.changes.map((x, k) => [
          no(k),
          c.text(x.description),
          c.label(`reasonOf.${x.reason}`),
          c.label(`handlingOf.${x.handling}`),
          c.num(x.amount),
          share(c, x.amount, f.approved),
          x.reference ? shortRef(c, x.reference) : '—',
        ]),
        [c.label('total'), '', '', '', c.num(f.changesTotal), share(c, f.changesTotal, f.approved), ''],
      ),
      ...c.sentence('changesSummary', vars),
      ...(selfChanges.length === 0 ? c.sentence('changesAllApproved', vars) : c.sentence(selfState, vars)),
    ];
  },
};
