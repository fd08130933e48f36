// 软硬件产品安全可靠和能效情况: the products and the three ways a report speaks of a data centre.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { productsEnergy } from './products-energy.ts';

const F = 'acceptance-report';
const classified = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');

describe('products and energy', () => {
  it('tables every product', () => {
    expect(tableOf(build(F, productsEnergy, 'product_safety', classified)).rows).toHaveLength(classified.productSafety.length);
  });

  it('gives the PUE of a new data centre, or says there is none', () => {
    expect(paragraphs(build(F, productsEnergy, 'energy_efficiency', classified))[0]).toBe('项目新建数据中心（机房），电能使用效率（PUE）为1.42。');
    const noPue = sample(F, AcceptanceReportInput, 'national-classified-reserve-system', (r) => delete r.energy.pue);
    expect(paragraphs(build(F, productsEnergy, 'energy_efficiency', noPue))[0]).toBe('项目新建数据中心（机房），其能效情况如下。');
    const none = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
    expect(paragraphs(build(F, productsEnergy, 'energy_efficiency', none))[0]).toBe('项目未新建数据中心或机房。');
  });
});
