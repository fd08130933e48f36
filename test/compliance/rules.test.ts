// Table-driven: every rule passes on a valid sample and fires (or the schema refuses) on that sample broken for it;
// every valid sample has no error-level finding; every noncompliant-<rule>.json sample yields exactly its rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/compliance/index.ts';
import { RULE_GROUP_ORDER } from '../../src/core/compliance/rule.ts';
import { checkFiling } from '../../src/core/compliance/index.ts';
import { filingById, FILINGS } from '../../src/core/filings/index.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleCase } from './rule-case.ts';
import { G_CASES } from './g-cases.ts';
import { A_CASES } from './a-cases.ts';
import { X_CASES } from './x-cases.ts';
import { P_CASES } from './p-cases.ts';
import { K_CASES } from './k-cases.ts';
import { validSamples } from '../support/samples.ts';

const CASES: RuleCase[] = [...G_CASES, ...A_CASES, ...X_CASES, ...P_CASES, ...K_CASES];

function load(filing: string, sample: string): unknown {
  return JSON.parse(readFileSync(`samples/${filing}/${sample}.json`, 'utf8'));
}

describe('every rule is covered', () => {
  it.each(RULES.map((r) => r.id))('%s has a case', (id) => {
    expect(CASES.some((c) => c.rule === id)).toBe(true);
  });
  it.each(RULES.map((r) => r.id))('%s has a boundary case: the last compliant input and the first that is not', (id) => {
    expect(CASES.some((c) => c.rule === id && c.pass !== undefined)).toBe(true);
  });
  it('has unique ids, both messages, a citation or a customary basis, and paths', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[A-Z]\d+$/);
      expect(r.id.startsWith(r.group), r.id).toBe(true);
      expect(RULE_GROUP_ORDER).toContain(r.group);
      expect(r.message.zh).toMatch(/\p{Script=Han}/u);
      expect(r.message.en).toMatch(/^[A-Z{]/);
      expect(r.citations.length).toBeGreaterThan(0);
      expect(r.paths.length).toBeGreaterThan(0);
    }
  });
});

describe.each(CASES.map((c, i) => [`${c.rule} #${i} on ${c.filing}/${c.sample}`, c] as const))('%s', (_, c) => {
  const def = filingById(c.filing)!;
  const rule = RULES.find((r) => r.id === c.rule)!;

  it('passes on the valid sample', () => {
    const findings = checkFiling(def, def.schema.parse(load(c.filing, c.sample)));
    expect(findings.filter((f) => f.ruleId === c.rule)).toEqual([]);
  });

  if (c.pass) {
    it('passes at the boundary', () => {
      const edge = structuredClone(load(c.filing, c.sample));
      c.pass!(edge);
      const parsed = def.schema.safeParse(edge);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      expect(checkFiling(def, parsed.data).filter((f) => f.ruleId === c.rule)).toEqual([]);
    });
  }

  it('fires on the broken sample, at its paths', () => {
    const broken = structuredClone(load(c.filing, c.sample));
    c.mutate(broken);
    const parsed = def.schema.safeParse(broken);
    if (rule.enforcedBySchema?.includes(c.filing)) {
      expect(parsed.success).toBe(false);
      const paths = parsed.success ? [] : parsed.error.issues.map((i) => '/' + i.path.join('/'));
      for (const p of c.paths) expect(paths.some((x) => x === p || x.startsWith(`${p}/`))).toBe(true);
      return;
    }
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    const all = checkFiling(def, parsed.data);
    if (c.note) expect(all.some((f) => f.ruleId === 'CAL' && f.severity === 'warning' && f.message.en.includes(c.note!))).toBe(true);
    const findings = all.filter((f) => f.ruleId === c.rule);
    expect(findings.map((f) => f.path).sort()).toEqual([...c.paths].sort());
    for (const f of findings) {
      if (c.severity) expect(f.severity).toBe(c.severity);
      if (c.message) expect(f.message['zh-CN']).toContain(c.message);
      // Every finding rests on a text, and only on the measures of its own profile (a national finding cites no district article).
      expect(f.citations.length, f.ruleId).toBeGreaterThan(0);
      const profile = (parsed.data as { project: { jurisdiction: { profile: string } } }).project.jurisdiction.profile;
      if (profile !== 'district') for (const x of f.citations) expect(x['zh-CN']).not.toContain('区级政务信息化项目建设管理办法');
      expect(f.message['zh-CN']).not.toMatch(/\{\w+\}/);
      expect(f.message.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('samples', () => {
  it.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s has no error-level finding', (_, s) => {
    const def = filingById(s.filingId)!;
    const errors = checkFiling(def, def.schema.parse(s.input)).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  const noncompliant = FILINGS.flatMap((f) =>
    readdirSync(join('samples', f.id))
      .filter((n) => n.startsWith('noncompliant-'))
      .map((n) => ({ filing: f.id, name: n, rule: n.replace(/^noncompliant-|\.json$/g, '') })),
  );
  it('cover every rule group', () => {
    expect(new Set(noncompliant.map((n) => n.rule[0]))).toEqual(new Set(['G', 'P', 'A', 'K', 'X']));
  });
  it.each(noncompliant.map((n) => [`${n.filing}/${n.name}`, n] as const))('%s is schema-valid and yields exactly its rule', (_, n) => {
    const def = filingById(n.filing)!;
    const input = def.schema.parse(JSON.parse(readFileSync(join('samples', n.filing, n.name), 'utf8')));
    const ids = new Set(checkFiling(def, input).filter((f) => f.severity !== 'info').map((f) => f.ruleId));
    expect([...ids]).toEqual([n.rule]);
  });
});
