// Caller text is data, never markup or template: hostile strings come out literally in HTML, DOCX and PDF,
// and nothing is fetched while printing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { samplesOf } from './support/samples.ts';
import { docxParts, pdfText } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
let canary: Server;
const hits: string[] = [];
let port = 0;
beforeAll(async () => {
  services = await testServices();
  canary = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('CANARY');
  });
  await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
  port = (canary.address() as AddressInfo).port;
});
afterAll(async () => {
  await services.close();
  canary.close();
});

it('renders hostile caller text literally in every format', async () => {
  const sample = structuredClone(samplesOf('acceptance-extension').find((x) => x.name === 'national-data-sharing-platform')!.input) as { reasons: unknown[] };
  const hostile = `<img src="http://127.0.0.1:${port}/x"><iframe src="file:///etc/passwd"></iframe> {{constructor.constructor}} {#x}{/x} </w:t><w:t>INJECT`;
  sample.reasons = [hostile];

  const html = new TextDecoder().decode((await renderFiling(services, { filingId: 'acceptance-extension', format: 'html', locale: 'zh-CN', input: sample })).bytes);
  expect(html).not.toContain('<img src="http');
  expect(html).toContain('&lt;img src&#x3D;&quot;http');

  const docx = docxParts((await renderFiling(services, { filingId: 'acceptance-extension', format: 'docx', locale: 'zh-CN', input: sample })).bytes);
  expect(docx.text).toContain(hostile);

  const pdf = pdfText((await renderFiling(services, { filingId: 'acceptance-extension', format: 'pdf', locale: 'zh-CN', input: sample })).bytes);
  expect(pdf.replace(/\s+/g, '')).toContain('{{constructor.constructor}}');
  expect(pdf).not.toContain('root:');
  expect(hits).toEqual([]);
});
