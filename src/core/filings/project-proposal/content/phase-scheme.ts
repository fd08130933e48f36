// 本期项目建设方案: scope and content, standards, the systems by layer, network, security, backup and operations.
// Equipment, products, cloud, machine room and cryptography are in phase-infrastructure.ts.
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { joinNames } from '../../prose/punctuation.ts';
import { noCol } from './shared.ts';
import { no, parasOf } from '../../prose/tables.ts';

export const phaseScheme: ContentBuilders<ProjectProposalInput> = {
  phase_scope: (i, c) => [
    ...c.paras(i.phaseScheme.scope),
    c.table(
      [noCol(c), { label: c.label('subsystem'), width: 3 }, { label: c.label('constructionContent'), width: 9 }],
      i.phaseScheme.constructionContent.map((s, n) => [no(n), c.text(s.subsystem), c.text(s.description)]),
    ),
  ],
  standards: (i, c) => (i.phaseScheme.standards.length ? [...c.sentence('standardsLead', () => ({})), ...c.list(i.phaseScheme.standards)] : []),
  information_resources: (i, c) => parasOf(c, i.phaseScheme.informationResources),
  application_support: (i, c) => parasOf(c, i.phaseScheme.applicationSupport),
  applications: (i, c) => parasOf(c, i.phaseScheme.applications),
  data_storage: (i, c) => parasOf(c, i.phaseScheme.dataProcessing),
  terminals_interfaces: (i, c) => parasOf(c, i.phaseScheme.terminals),
  network: (i, c) => {
    const net = i.phaseScheme.network;
    if (!net) return [];
    return [...c.sentence('networkCarriers', (l) => ({ networks: joinNames(l, net.carriers.map((n) => l.label(`networks.${n}`))) })), ...parasOf(c, net.description)];
  },
  security_system: (i, c) => parasOf(c, i.phaseScheme.securitySystem),
  backup_system: (i, c) => parasOf(c, i.phaseScheme.backup),
  operations_system: (i, c) => parasOf(c, i.phaseScheme.operations),
};
