// The sample inputs under samples/<filing>/: valid ones, invalid ones and their expected error paths.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validSamples as validSamplePaths } from '../../src/runtime/node/sample-files.ts';
import { FILINGS } from '../../src/core/filings/index.ts';

export interface Sample {
  filingId: string;
  name: string;
  path: string;
  input: unknown;
}

const root = 'samples';

function list(filingId: string, pick: (f: string) => boolean): Sample[] {
  const dir = join(root, filingId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && pick(f))
    .sort()
    .map((f) => ({ filingId, name: f.replace(/\.json$/, ''), path: join(dir, f), input: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

export function validSamples(): Sample[] {
  return FILINGS.flatMap((f) =>
    validSamplePaths(f.id).map((path) => ({ filingId: f.id, name: basename(path, '.json'), path, input: JSON.parse(readFileSync(path, 'utf8')) })),
  );
}

export function invalidSamples(): Array<Sample & { expected: string[] }> {
  return FILINGS.flatMap((f) => {
    const expectedPath = join(root, f.id, 'invalid.expected.json');
    const expected = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, string[]>) : {};
    return list(f.id, (n) => n.startsWith('invalid-')).map((s) => ({ ...s, expected: expected[`${s.name}.json`] ?? [] }));
  });
}

export function samplesOf(filingId: string): Sample[] {
  return validSamples().filter((s) => s.filingId === filingId);
}
