// Samples are the contract with integrators: every valid one parses, every invalid one fails exactly where it says.
import { describe, expect, it } from 'vitest';
import { FILINGS, filingById } from '../src/core/filings/index.ts';
import { validate } from '../src/core/validation.ts';
import { isAppError } from '../src/core/errors.ts';
import { invalidSamples, samplesOf, validSamples } from './support/samples.ts';

describe('valid samples', () => {
  it.each(FILINGS.map((f) => f.id))('%s has a national and a district sample', (id) => {
    const profiles = samplesOf(id).map((s) => (s.input as { project: { jurisdiction: { profile: string } } }).project.jurisdiction.profile);
    expect(profiles).toContain('national');
    expect(profiles).toContain('district');
  });

  it.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s is valid and reconciles', (_, s) => {
    const input = validate(filingById(s.filingId)!.schema, s.input) as {
      project: { totalInvestment: number; investmentBreakdown: { amount: number }[]; fundingSources: { amount: number }[] };
    };
    const cents = (xs: { amount: number }[]) => xs.reduce((a, x) => a + Math.round(x.amount * 100), 0);
    const total = Math.round(input.project.totalInvestment * 100);
    expect(cents(input.project.investmentBreakdown)).toBe(total);
    expect(cents(input.project.fundingSources)).toBe(total);
  });
});

describe('invalid samples', () => {
  it.each(FILINGS.map((f) => f.id))('%s has at least four', (id) => {
    expect(invalidSamples().filter((s) => s.filingId === id).length).toBeGreaterThanOrEqual(4);
  });

  it.each(invalidSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s fails at the expected paths', (_, s) => {
    expect(s.expected.length).toBeGreaterThan(0);
    let caught: unknown;
    try {
      validate(filingById(s.filingId)!.schema, s.input);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.code).toBe('input_invalid');
    expect([...new Set(caught.issues.map((i) => i.path))].sort()).toEqual([...s.expected].sort());
    for (const issue of caught.issues) {
      expect(issue.message['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(issue.message.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
