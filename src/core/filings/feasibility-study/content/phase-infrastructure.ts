// 本期项目建设方案, continued: equipment, machine room, intensive building (district Art. 8, 37), product safety (57号
// Art. 16), cryptography (Art. 15), graded protection (Art. 14) and the government cloud (Art. 17).
import type { ContentBuilders } from '../../filing.ts';
import { cell } from '../../prose/bilingual.ts';
import { docRef } from '../../prose/references.ts';
import { int, qty } from '../../prose/numbers.ts';
import { col, no, parasOf } from '../../prose/tables.ts';
import { sumWan } from '../../../format/format.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { securityLevelText, yesNo } from './shared.ts';
import { cryptoReview } from '../../approval-stage/crypto-review.ts';

type I = FeasibilityStudyInput;

export const phaseInfrastructure: ContentBuilders<I> = {
  phase_equipment: (i, c) => {
    const eq = i.phaseScheme.equipment;
    const amounts = eq.items.filter((x) => x.amount !== undefined).map((x) => x.amount!);
    return [
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
              amounts.length ? ['', c.label('total'), '', '', '', '', c.num(sumWan(amounts))] : undefined,
            ),
          ]
        : []),
    ];
  },
  phase_machine_room: (i, c) => parasOf(c, i.phaseScheme.machineRoom),
  phase_intensive: (i, c) => [
    ...c.sentence(i.cloud.newMachineRoom || i.cloud.newServers ? 'intensiveExceptions' : 'intensiveReliance', (l) => ({ platform: l.text(i.cloud.platform), exchange: l.text(i.sharingChapter.exchange.platform) })),
    ...parasOf(c, i.phaseScheme.intensiveConstruction),
  ],
  phase_product_safety: (i, c) => [
    ...c.paras(i.productSafety.statement),
    ...(i.productSafety.products.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('safety.product'), 3), col(c.label('safety.category'), 2.2), col(c.label('safety.statement'), 6)],
            i.productSafety.products.map((x, n) => [no(n), cell(c, x.product), cell(c, x.category), cell(c, x.statement)]),
          ),
        ]
      : []),
  ],
  phase_cryptography: (i, c) => [
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
    ...(i.cryptography.expertReview ? cryptoReview(c, i.cryptography.expertReview) : []),
    ...(i.attachments.cryptoPlan ? c.sentence('cryptoPlanAttached', (l) => ({ doc: docRef(l, i.attachments.cryptoPlan!) })) : []),
  ],
  phase_protection: (i, c) => [
    ...c.sentence('protectionLevel', (l) => ({ level: securityLevelText(l, i.project.securityLevel) })),
    ...(i.protection.filingUnit ? c.sentence('protectionFiling', (l) => ({ unit: l.text(i.protection.filingUnit!) })) : []),
    ...c.paras(i.protection.design),
  ],
  phase_cloud: (i, c) => {
    const cl = i.cloud;
    return [
      ...c.sentence('cloudLead', (l) => ({ platform: l.text(cl.platform) })),
      c.facts([
        ['cloud.vcpu', int(cl.resources.vcpu)],
        ['cloud.memory', `${int(cl.resources.memoryGB)} GB`],
        ['cloud.storage', `${qty(cl.resources.storageTB)} TB`],
        ...(cl.resources.databases ? ([['cloud.databases', c.text(cl.resources.databases)]] as const) : []),
        ...(cl.resources.other ? ([['cloud.other', c.text(cl.resources.other)]] as const) : []),
        ['cloud.newMachineRoom', yesNo(c, cl.newMachineRoom)],
        ['cloud.newServers', yesNo(c, cl.newServers)],
      ]),
      ...(cl.newMachineRoom || cl.newServers ? c.sentence('cloudExceptionNote', () => ({})) : c.sentence('cloudNoNewRoom', () => ({}))),
      ...(cl.justification ? c.paras(cl.justification) : []),
      ...parasOf(c, cl.description),
    ];
  },
};
