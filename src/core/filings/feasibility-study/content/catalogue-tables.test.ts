// The catalogue's tables: the summary row of an entry, its detail table, the declaration and the open-condition table.
import { describe, expect, it } from 'vitest';
import { createContentContext } from '../../content-context.ts';
import { sample } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { catalogueDetail, catalogueSummary, declarationTable, openConditionsTable } from './catalogue-tables.ts';

const F = 'feasibility-study';
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');
const entries = district.sharingChapter.catalogue;
const zh = createContentContext({ id: F }, 'zh-CN');
const bi = createContentContext({ id: F }, 'bilingual');

describe('catalogue tables', () => {
  it('summarises each entry in one row', () => {
    const t = catalogueSummary(zh, entries);
    expect(t.kind === 'table' && t.rows[0]!.slice(0, 3)).toEqual(['1', '312001/000001', '城市部件设施信息']);
  });

  it('heads an entry\'s detail table with its number, name and code, the code once in a bilingual report', () => {
    const [t] = catalogueDetail(zh, entries[0]!, 0);
    expect(t && t.kind === 'table' && t.columns.map((c) => c.label)).toEqual(['第1条', '城市部件设施信息（312001/000001）']);
    const [b] = catalogueDetail(bi, entries[0]!, 0);
    const heading = b && b.kind === 'table' ? b.columns[1]!.label : '';
    expect(heading.match(/312001\/000001/g)).toHaveLength(1);
  });

  it('groups the data items by type', () => {
    const [t] = catalogueDetail(zh, entries[0]!, 0);
    const items = t && t.kind === 'table' ? t.rows.find((r) => r[0] === '信息项')![1] : '';
    expect(items).toBe('字符型：部件编码、部件类型、权属单位；数值型：经度、纬度；日期型：普查日期');
  });

  it('declares every entry, and tables only the entries open on conditions', () => {
    const d = declarationTable(zh, entries);
    expect(d.kind === 'table' && d.rows).toHaveLength(entries.length);
    const o = openConditionsTable(zh, entries);
    expect(o.kind === 'table' && o.rows.length).toBe(entries.filter((e) => e.openAttr.openToPublic && e.openAttr.condition).length);
  });

  it('names the responsible department and, once registered, the catalogue registration', () => {
    const [t] = catalogueDetail(zh, entries[0]!, 0);
    const rows = t && t.kind === 'table' ? t.rows : [];
    expect(rows.find((r) => r[0] === '来源与使用')?.[1]).toContain('责任部门：聊城高新区城市运行管理服务中心');
    expect(rows.some((r) => r[0] === '目录注册')).toBe(false);
    const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform').sharingChapter.catalogue;
    const [n] = catalogueDetail(zh, national[0]!, 0);
    const reg = n && n.kind === 'table' ? n.rows.find((r) => r[0] === '目录注册')?.[1] : undefined;
    expect(reg).toBe('目录编码：GJZWML-101001-000001；注册日期：2019年6月30日；目录系统：国家政务信息资源目录系统');
  });
});
