import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteTemplateRepository, removeStrayTemporaryFiles, writeFileAtomic } from './template-repository.ts';
import { SqliteStore } from './sqlite-store.ts';
import { isAppError } from '../../core/errors.ts';

describe('writeFileAtomic', () => {
  it('leaves either nothing or the whole file under its final name, and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    await writeFileAtomic(dir, 'a.bin', new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['a.bin']);
    expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([1, 2, 3]);
    // Content-addressed: an existing name is never rewritten.
    await writeFileAtomic(dir, 'a.bin', new Uint8Array([9]));
    expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([1, 2, 3]);
  });
});

describe('template repository', () => {
  it('registers the git versions as published and refuses a file whose bytes no longer match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repo-'));
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    const repo = await createSqliteTemplateRepository({ store, blobDir: join(dir, 'blobs'), gitRoot: 'templates', bundlePath: '.generated/html-templates.js' });
    const v = repo.versions('acceptance-extension').find((x) => x.version === '1.0.0')!;
    expect(v).toMatchObject({ status: 'published', source: 'git' });
    // Corrupt the stored copy: the read is refused, never a silently different document.
    const path = join(dir, 'blobs', `${v.sha256.docx}.docx`);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(path, bytes);
    const fresh = await createSqliteTemplateRepository({ store, blobDir: join(dir, 'blobs'), gitRoot: 'templates', bundlePath: '.generated/html-templates.js' });
    let caught: unknown;
    try {
      await fresh.docx('acceptance-extension', '1.0.0');
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught) && caught.code).toBe('template_corrupt');
    await store.close();
  });
});

describe('stray temporary files', () => {
  it('are removed at start when their writer was killed, or are over an hour old; a live write is left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stray-'));
    const blobs = join(dir, 'blobs');
    mkdirSync(blobs);
    // A writer killed between creating its temporary file and the rename.
    const killed = spawnSync(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(blobs)} + '/.' + 'a'.repeat(64) + '.docx.' + process.pid + '.' + Date.now() + '.tmp', 'PK partial'); process.kill(process.pid, 'SIGKILL');`]);
    expect(killed.signal).toBe('SIGKILL');
    const leftByKill = readdirSync(blobs);
    expect(leftByKill).toHaveLength(1);
    const live = `.${'b'.repeat(64)}.hbs.${process.pid}.${Date.now()}.tmp`;
    const old = `.${'c'.repeat(64)}.hbs.${process.pid}.${Date.now() - 2 * 3600_000}.tmp`;
    for (const f of [live, old, 'keep.docx', '.hidden']) writeFileSync(join(blobs, f), 'x');
    utimesSync(join(blobs, old), new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));

    const log: Array<Record<string, unknown>> = [];
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    await createSqliteTemplateRepository({ store, blobDir: blobs, gitRoot: 'templates', bundlePath: '.generated/html-templates.js', log: (e) => log.push(e) });
    const left = readdirSync(blobs);
    expect(left).not.toContain(leftByKill[0]);
    expect(left).not.toContain(old);
    expect(left).toEqual(expect.arrayContaining([live, 'keep.docx', '.hidden']));
    expect(log.find((e) => /temporary template files/.test(String(e.msg)))?.files).toEqual(expect.arrayContaining([leftByKill[0], old]));
    // The live writer's file goes once it has outlived any write.
    expect(removeStrayTemporaryFiles(blobs, Date.now() + 2 * 3600_000)).toEqual([live]);
    await store.close();
  });
});
