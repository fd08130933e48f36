// 本期项目建设方案: scope and content, the options compared, standards, the systems by layer, network, security, backup and
// operations. Equipment, machine room, intensive building, products, cryptography, protection and cloud are in
// phase-infrastructure.ts.
import type { ContentBuilders } from '../../filing.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { paren } from '../../prose/punctuation.ts';
import { col, no, parasOf } from '../../prose/tables.ts';
import type { FeasibilityStudyInput } from '../schema.ts';

type I = FeasibilityStudyInput;

export const phaseScheme: ContentBuilders<I> = {
  phase_scope: (i, c) => [
    ...parasOf(c, i.phaseScheme.scope),
    c.table(
      [col(c.label('no'), 0.8, 'center'), col(c.label('phase.subsystem'), 3), col(c.label('phase.description'), 8)],
      i.phaseScheme.constructionContent.map((x, n) => [no(n), cell(c, x.subsystem), cell(c, x.description)]),
    ),
  ],
  phase_options: (i, c) => {
    const ps = i.phaseScheme;
    if (!ps.options.length) return parasOf(c, ps.optionConclusion);
    return [
      c.table(
        [col(c.label('option.name'), 2.2), col(c.label('option.description'), 4), col(c.label('option.advantages'), 2.6), col(c.label('option.disadvantages'), 2.6), col(c.label('option.estimate'), 1.8, 'right')],
        ps.options.map((o) => [
          perLanguage(c, (l) => l.text(o.name) + (o.selected ? paren(l, l.label('option.selected')) : ''), '\n'),
          cell(c, o.description),
          o.advantages ? cell(c, o.advantages) : '—',
          o.disadvantages ? cell(c, o.disadvantages) : '—',
          o.estimate === undefined ? '—' : c.num(o.estimate),
        ]),
      ),
      ...parasOf(c, ps.optionConclusion),
    ];
  },
  phase_standards: (i, c) => parasOf(c, i.phaseScheme.standards),
  phase_data_resources: (i, c) => parasOf(c, i.phaseScheme.dataResources),
  phase_app_support: (i, c) => parasOf(c, i.phaseScheme.applicationSupport),
  phase_applications: (i, c) => parasOf(c, i.phaseScheme.applications),
  phase_processing_storage: (i, c) => parasOf(c, i.phaseScheme.processingStorage),
  phase_terminals: (i, c) => parasOf(c, i.phaseScheme.terminals),
  phase_network: (i, c) => [...c.sentence(`network.${i.phaseScheme.network.type}`, () => ({})), ...parasOf(c, i.phaseScheme.network.description)],
  phase_security_system: (i, c) => parasOf(c, i.phaseScheme.securitySystem),
  phase_backup: (i, c) => parasOf(c, i.phaseScheme.backup),
  phase_operations_system: (i, c) => parasOf(c, i.phaseScheme.operations),
};
