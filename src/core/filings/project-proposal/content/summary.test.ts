// 项目简介: project facts, units and people, the drafting basis and the overview.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { summary } from './summary.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('project summary', () => {
  it('gives the jurisdiction with its region code and the leader with title and telephone', () => {
    expect(fact(tableOf(build(F, summary, 'project_name', national)), '管理层级')).toBe('国家级（100000）');
    expect(fact(tableOf(build(F, summary, 'construction_unit', national)), '项目负责人')).toBe('陈志刚（信息中心主任），电话010-82691180');
  });

  it('lists the basis documents as references and says when the project is in a plan', () => {
    const p = paragraphs(build(F, summary, 'drafting_basis', national));
    expect(p[1]).toBe('1. 《国家政务信息化项目建设管理办法》（国办发〔2019〕57号，2019年12月30日）');
    expect(p.at(-1)).toBe('本项目已列入相关政务信息化建设规划。');
    expect(paragraphs(build(F, summary, 'drafting_basis', national, 'en'))[1]).toBe('1. Measures for the Administration of National Government Informatization Projects (国办发〔2019〕57号, 30 December 2019)');
  });

  it('writes a person once when both languages read the same', () => {
    const plain = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => (r.project.leader = { name: '陈志刚' }));
    expect(fact(tableOf(build(F, summary, 'construction_unit', plain, 'bilingual')), '项目负责人\nProject leader')).toBe('陈志刚');
  });

  it('states the period, the total with its 大写 and the funding channels', () => {
    const t = tableOf(build(F, summary, 'project_overview', national));
    expect(fact(t, '建设周期')).toBe('2025年7月1日至2027年6月30日');
    expect(fact(t, '总投资')).toMatch(/^[\d,.]+万元（大写：人民币.+）$/);
  });
});
