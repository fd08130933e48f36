// 跨部门共建共享框架方案 (57号 Art. 10): participants and their tasks, goals, interfaces, data flows and the preliminary
// catalogue of a cross-department project.
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { joinTexts } from '../../prose/punctuation.ts';
import { marks, noCol } from './shared.ts';
import { no } from '../../prose/tables.ts';

type I = ProjectProposalInput;
type Framework = NonNullable<I['frameworkScheme']>;

/** Builds from the framework scheme of a cross-department project (the section is only required for one). */
const withFramework =
  (build: (fw: Framework, c: ContentContext, i: I) => Block[]) =>
  (i: I, c: ContentContext): Block[] =>
    i.frameworkScheme && i.project.crossDepartment ? build(i.frameworkScheme, c, i) : [];

export const framework: ContentBuilders<I> = {
  framework_participants: withFramework((fw, c, i) => {
    const cd = i.project.crossDepartment!;
    return [
      ...c.sentence('frameworkLead', (l) => ({ lead: l.text(cd.leadDepartment), coBuilders: joinTexts(l, cd.coBuilders) })),
      c.table(
        [noCol(c), { label: c.label('department'), width: 4 }, { label: c.label('tasks'), width: 8 }],
        fw.participants.map((x, n) => [no(n), c.text(x.department), c.text(x.tasks)]),
      ),
    ];
  }),
  framework_goals: withFramework((fw, c) => c.paras(fw.goals)),
  framework_interfaces: withFramework((fw, c) => [
    c.table(
      [noCol(c), { label: c.label('interfaceName'), width: 4 }, { label: c.label('provider'), width: 3 }, { label: c.label('consumer'), width: 3 }, { label: c.label('interfaceMethod'), width: 3 }],
      fw.interfaces.map((x, n) => [no(n), c.text(x.name), c.text(x.provider), c.text(x.consumer), c.text(x.method)]),
    ),
  ]),
  framework_data_flows: withFramework((fw, c) => [
    c.table(
      [noCol(c), { label: c.label('flowData'), width: 4 }, { label: c.label('flowFrom'), width: 3 }, { label: c.label('flowTo'), width: 3 }, { label: c.label('frequency'), width: 2, align: 'center' }],
      fw.dataFlows.map((x, n) => [no(n), c.text(x.data), c.text(x.from), c.text(x.to), c.text(x.frequency)]),
    ),
  ]),
  framework_catalogue: withFramework((fw, c) => [
    c.table(
      [noCol(c), { label: c.label('resourceName'), width: 3 }, { label: c.label('provider'), width: 3 }, { label: c.label('fields'), width: 5 }, { label: c.label('updateCycle'), width: 2, align: 'center' }],
      fw.catalogue.map((x, n) => [no(n), c.text(x.resource), c.text(x.provider), x.items.map((f) => c.text(f)).join(marks(c).enum), c.text(x.updateCycle)]),
    ),
  ]),
};
