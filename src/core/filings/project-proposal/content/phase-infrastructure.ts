// 本期项目建设方案, continued: equipment, product safety (57号 Art. 16), government cloud (Art. 17), machine room and the
// cryptography plan (Art. 15).
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { cryptoReview } from '../../approval-stage/crypto-review.ts';
import { qty } from '../../prose/numbers.ts';
import { no, parasOf } from '../../prose/tables.ts';

export const phaseInfrastructure: ContentBuilders<ProjectProposalInput> = {
  equipment: (i, c) => {
    const eq = i.phaseScheme.equipment;
    if (!eq) return [];
    return [
      ...c.paras(eq.principles),
      ...(eq.items.length
        ? [
            c.table(
              [noCol(c), { label: c.label('equipmentName'), width: 3 }, { label: c.label('spec'), width: 5 }, { label: c.label('quantity'), width: 2, align: 'right' }, { label: c.label('remark'), width: 3 }],
              eq.items.map((e, n) => [no(n), c.text(e.name), e.spec ? c.text(e.spec) : '—', `${qty(e.quantity)}${c.locale === 'zh-CN' ? '' : ' '}${c.text(e.unit)}`, e.remark ? c.text(e.remark) : '—']),
            ),
          ]
        : []),
    ];
  },
  product_safety: (i, c) => {
    const ps = i.phaseScheme.productSafety;
    return [
      ...c.paras(ps.statement),
      ...(ps.products.length
        ? [
            c.table(
              [noCol(c), { label: c.label('product'), width: 3 }, { label: c.label('productCategory'), width: 2 }, { label: c.label('assurance'), width: 8 }],
              ps.products.map((x, n) => [no(n), c.text(x.product), x.category ? c.text(x.category) : '—', c.text(x.assurance)]),
            ),
          ]
        : []),
    ];
  },
  cloud_resources: (i, c) => {
    const cloud = i.phaseScheme.cloud;
    return [
      ...c.sentence('cloudLead', (l) => ({ platform: l.text(cloud.platform) })),
      c.facts([
        ['vcpu', qty(cloud.vcpu)],
        ['memoryGb', qty(cloud.memoryGb)],
        ['storageTb', qty(cloud.storageTb)],
        ...(cloud.database ? ([['database', c.text(cloud.database)]] as const) : []),
      ]),
      ...parasOf(c, cloud.description),
      ...(cloud.standaloneInfrastructure
        ? [...c.sentence('standaloneYes', () => ({})), ...(cloud.standaloneReason ? c.paras(cloud.standaloneReason) : [])]
        : c.sentence('standaloneNo', () => ({}))),
    ];
  },
  machine_room: (i, c) => parasOf(c, i.phaseScheme.machineRoom),
  crypto_plan: (i, c) => {
    const crypto = i.phaseScheme.crypto;
    return [
      ...c.paras(crypto.summary),
      c.table(
        [noCol(c), { label: c.label('cryptoLayer'), width: 4 }, { label: c.label('cryptoMeasure'), width: 8 }],
        crypto.measures.map((x, n) => [no(n), c.text(x.layer), c.text(x.measure)]),
      ),
      ...(crypto.assessment ? [c.h(c.labelInline('cryptoAssessment')), ...c.paras(crypto.assessment)] : []),
      ...(crypto.expertReview ? cryptoReview(c, crypto.expertReview) : []),
    ];
  },
};
