// The sample files of a filing on disk: valid inputs only (not invalid-* or noncompliant-*).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function validSamples(filingId: string, root = 'samples'): string[] {
  const dir = join(root, filingId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('invalid') && !f.startsWith('noncompliant-'))
    .sort()
    .map((f) => join(dir, f));
}
