// 本期项目建设方案, continued: equipment totals, intensive building, cryptography, protection level and cloud.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { phaseInfrastructure } from './phase-infrastructure.ts';

const F = 'feasibility-study';
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('phase infrastructure', () => {
  it('totals the equipment amounts given, and has no total when none is', () => {
    expect(tableOf(build(F, phaseInfrastructure, 'phase_equipment', district)).total!.at(-1)).toBe('286.00');
    const bare = sample(F, FeasibilityStudyInput, 'district-city-operations-centre', (r) => r.phaseScheme.equipment.items.forEach((x: { amount?: number }) => delete x.amount));
    expect(tableOf(build(F, phaseInfrastructure, 'phase_equipment', bare)).total).toBeUndefined();
  });

  it('relies on the shared infrastructure, or says what is built apart', () => {
    expect(paragraphs(build(F, phaseInfrastructure, 'phase_intensive', district))[0]).toMatch(/^本项目依托聊城市政务云（高新区节点）和高新区数据共享平台/);
    const own = sample(F, FeasibilityStudyInput, 'district-city-operations-centre', (r) => {
      r.cloud.newServers = true;
      r.cloud.justification = '须本地处理视频流。';
    });
    expect(paragraphs(build(F, phaseInfrastructure, 'phase_intensive', own))[0]).not.toMatch(/^本项目依托聊城市政务云（高新区节点）和高新区数据共享平台开发/);
  });

  it('cites the attached cryptography plan and gives the protection level', () => {
    expect(paragraphs(build(F, phaseInfrastructure, 'phase_cryptography', district)).at(-1)).toBe('密码应用方案全文见附件《高新区城市运行管理服务平台密码应用方案》（2024年10月15日）。');
    expect(paragraphs(build(F, phaseInfrastructure, 'phase_protection', district))[0]).toContain('网络安全等级保护第二级');
  });

  it('tables the cloud resources in their units', () => {
    const t = tableOf(build(F, phaseInfrastructure, 'phase_cloud', district));
    expect([fact(t, '内存'), fact(t, '存储'), fact(t, '是否新建机房')]).toEqual(['384 GB', '40 TB', '否']);
  });
});
