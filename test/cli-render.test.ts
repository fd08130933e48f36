// npm run render, as the README shows it: a valid input writes the document and prints its path; an invalid one
// exits 1 listing every error with its JSON Pointer, in Chinese when LANG starts with zh and in English otherwise.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { tempDir } from './support/documents.ts';

function render(file: string, out: string, lang: string) {
  const r = spawnSync(process.execPath, ['src/runtime/node/cli/render.ts', file, '--filing', 'acceptance-extension', '--format', 'html', '--locale', 'zh-CN', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('writes a valid input’s document and prints its path', () => {
  const out = tempDir('cli-render');
  const r = render('samples/acceptance-extension/national-data-sharing-platform.json', out, 'C.UTF-8');
  expect(r.status).toBe(0);
  const path = r.stdout.trim();
  expect(path.startsWith(out)).toBe(true);
  expect(readFileSync(path, 'utf8')).toContain('延期验收');
}, 150_000);

it('lists every input error with its pointer, in the language LANG names', () => {
  const out = tempDir('cli-render');
  const zh = render('samples/acceptance-extension/invalid-bad-dates.json', out, 'zh_CN.UTF-8');
  const en = render('samples/acceptance-extension/invalid-bad-dates.json', out, 'en_US.UTF-8');
  expect([zh.status, en.status]).toEqual([1, 1]);
  for (const r of [zh, en]) {
    expect(r.stderr).toContain('/application/date');
    expect(r.stderr).toContain('/requestedDate');
  }
  expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
  expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
}, 150_000);
