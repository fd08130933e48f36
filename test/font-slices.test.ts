// The set-up's slicing of the stand-ins (scripts/slice-fonts.py): the same font gives the same slice bytes, every
// character of the face is in exactly one slice, and each slice is a WOFF2 face holding its characters. Run on one
// Latin face (seconds); set-up cuts all of them the same way into .fonts/slices.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/documents.ts';

const FONT = execFileSync('fc-match', ['--format', '%{file}', 'Liberation Serif:style=Regular'], { encoding: 'utf8' });
const slice = (dir: string) => execFileSync('/usr/bin/python3', ['scripts/slice-fonts.py', 'scripts/font-slice-plan.json', dir, FONT], { stdio: 'pipe' });
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
const codePoints = (ranges: string) => ranges.split(',').flatMap((r) => {
  const [a, b] = r.split('-').map((x) => parseInt(x, 16));
  return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
});

describe('the font slices set-up cuts', () => {
  it('are the same bytes from the same font, each character in one slice, each slice a WOFF2 face', { timeout: 120_000 }, () => {
    const [a, b] = [tempDir('slices-a'), tempDir('slices-b')];
    slice(a);
    slice(b);
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);

    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')) as { faces: Array<{ family: string; style: string; slices: Array<{ name: string; file: string; ranges: string; bytes: number }> }> };
    expect(manifest.faces).toHaveLength(1);
    const face = manifest.faces[0]!;
    expect(face).toMatchObject({ family: 'Liberation Serif', style: 'Regular' });
    // The most frequent slice first (ASCII is in it), then the Latin one.
    expect(face.slices.slice(0, 2).map((s) => s.name)).toEqual(['119', 'latin']);
    const all = face.slices.flatMap((s) => codePoints(s.ranges));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('A'.codePointAt(0));
    for (const s of face.slices) {
      const bytes = readFileSync(join(a, s.file));
      expect(bytes.subarray(0, 4).toString('latin1'), s.file).toBe('wOF2');
      expect(bytes.length).toBe(s.bytes);
    }
  });
});
