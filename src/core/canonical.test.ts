import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, useSha256 } from './canonical.ts';

describe('sha256Hex', () => {
  afterEach(() => useSha256(undefined));

  it('gives the same digest through an installed synchronous SHA-256 as through Web Crypto, and uses it', async () => {
    const inputs = ['', 'abc', '可行性研究报告 — 信息资源共享', new Uint8Array([0, 1, 2, 255]), canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })];
    const viaWebCrypto = await Promise.all(inputs.map((x) => sha256Hex(x)));
    expect(viaWebCrypto[1]).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    let calls = 0;
    useSha256((data) => {
      calls++;
      return createHash('sha256').update(data).digest('hex');
    });
    expect(await Promise.all(inputs.map((x) => sha256Hex(x)))).toEqual(viaWebCrypto);
    expect(calls).toBe(inputs.length);
  });
});
