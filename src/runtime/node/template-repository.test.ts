import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteTemplateRepository, writeFileAtomic } from './template-repository.ts';
import { SqliteStore } from './sqlite-store.ts';
import { isAppError } from '../../core/errors.ts';

describe('writeFileAtomic', () => {
  it('leaves either nothing or the whole file under its final name, and no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileAtomic(dir, 'a.bin', new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['a.bin']);
    expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([1, 2, 3]);
    // Content-addressed: an existing name is never rewritten.
    writeFileAtomic(dir, 'a.bin', new Uint8Array([9]));
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
