// 信息资源共享分析: needs by scope, the catalogue's statistics, exchange by mode, openness and the share sharable.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { sharing } from './sharing.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('sharing chapter', () => {
  it('counts the needs by scope, leaving out scopes with none', () => {
    expect(paragraphs(build(F, sharing, 'sharing_needs', district)).at(-1)).toBe('本项目需从外部获取信息资源3项，其中跨部门2项、上下级之间（中央和地方）1项，明细如下。');
    const none = sample(F, FeasibilityStudyInput, 'district-city-operations-centre', (r) => (r.sharingChapter.needs = []));
    expect(build(F, sharing, 'sharing_needs', none).some((b) => b.kind === 'table')).toBe(false);
  });

  it('gives the catalogue\'s statistics and its summary table', () => {
    const blocks = build(F, sharing, 'sharing_catalogue', national);
    expect(paragraphs(blocks)[0]).toBe('本项目编制信息资源目录60条，涉及信息资源提供方6个、信息项370个。其中无条件共享47条、有条件共享11条、不予共享2条，可向社会开放47条。目录汇总如下表。');
    expect(tableOf(blocks).rows).toHaveLength(60);
  });

  it('counts the entries by way of exchange', () => {
    expect(paragraphs(build(F, sharing, 'sharing_exchange', national))[0]).toBe('本项目信息资源依托国家数据共享交换平台实现共享交换。按共享方式统计，接口调用43条、库表交换8条、文件下载5条、在线查询4条。');
  });

  it('separates entries open without conditions from those with', () => {
    const p = paragraphs(build(F, sharing, 'sharing_openness', national));
    expect(p[1]).toBe('目录中可向社会开放的信息资源47条（共60条），其中附开放条件的7条。');
    expect(p[2]).toMatch(/^无条件向社会开放的信息资源为：市场主体变更登记信息、/);
  });

  it('gives the share of sharable entries', () => {
    expect(paragraphs(build(F, sharing, 'sharing_impact', national))[0]).toContain('可共享（无条件共享和有条件共享）58条，占96.67%');
  });
});
