// 软硬件产品安全可靠和能效情况: the products used and the energy efficiency of the hardware (57号 Art. 16).
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const productsEnergy: ContentBuilders<AcceptanceReportInput> = {
  product_safety: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'product', 4), labelCol(c, 'productCategory', 2, 'center'), labelCol(c, 'supplier', 3), labelCol(c, 'safetyStatement', 7)],
      i.productSafety.map((x, k) => [no(k), c.text(x.product), c.label(`categoryOf.${x.category}`), x.supplier ? c.text(x.supplier) : '—', c.text(x.statement)]),
    ),
  ],
  energy_efficiency: (i, c) => [
    ...(i.energy.newDataCentre
      ? c.sentence(i.energy.pue === undefined ? 'energyNewDataCentre' : 'energyNewDataCentrePue', () => ({ pue: i.energy.pue ?? '' }))
      : c.sentence('energyNoDataCentre', () => ({}))),
    ...c.paras(i.energy.statement),
  ],
};
