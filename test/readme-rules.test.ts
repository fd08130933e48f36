// The README's rule summary is the list GET /v1/rules serves: the same ids, and per rule the same severity under each
// profile ("—" where the rule does not apply), so neither can change without the other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpHarness } from './support/http-harness.ts';

const { h, call } = httpHarness();

interface ListedRule {
  id: string;
  profiles: string[];
  severity: Record<string, 'error' | 'warning' | 'info'>;
  citations: string[];
  note: string | null;
}

/** The rows of the README's rule table: id → "E / W" style severities. */
function readmeRules(): Map<string, string> {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| rule | severity national / district |'));
  expect(start, 'the README has its rule table').toBeGreaterThan(-1);
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [id, severity] = line.split('|').slice(1, 3).map((c) => c.trim());
    rows.set(id!, severity!);
  }
  return rows;
}

const LETTER = { error: 'E', warning: 'W', info: 'I' } as const;

describe('the README rule summary', () => {
  it('lists exactly the rules GET /v1/rules serves, with the same severity per profile', async () => {
    const res = await call('GET', '/v1/rules', { key: 'renderer' });
    const { rules } = (await res.json()) as { rules: ListedRule[] };
    const readme = readmeRules();
    expect([...readme.keys()].sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) {
      const expected = ['national', 'district'].map((p) => (r.profiles.includes(p) ? LETTER[r.severity[p]!] : '—')).join(' / ');
      expect(readme.get(r.id), r.id).toBe(expected);
      expect(r.citations.length, r.id).toBeGreaterThan(0);
    }
    expect(h.drift).toEqual([]);
  });

  it('carries the readings of ambiguous or unverified texts as notes, in the caller’s language', async () => {
    const zh = (await (await call('GET', '/v1/rules?filing=performance-evaluation')).json()) as { rules: ListedRule[] };
    expect(zh.rules.find((r) => r.id === 'K10')!.note).toContain('尚未与官方文本核对');
    const en = (await (await call('GET', '/v1/rules?filing=acceptance-report', { headers: { 'accept-language': 'en' } })).json()) as { rules: ListedRule[] };
    expect(en.rules.find((r) => r.id === 'A2')!.note).toContain('Civil Code');
    expect(en.rules.find((r) => r.id === 'A3')!.note).toBeNull();
  });
});
