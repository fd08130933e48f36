// Real services for end-to-end tests: templates from templates/, CPU work in the worker pool, PDF through Debian's
// Chromium. No render cache unless asked for: a test that renders twice is asking for two renders.
import { loadConfig } from '../../src/config.ts';
import { createNodeRenderServices, type NodeRenderServices } from '../../src/runtime/node/services.ts';

export function testServices(overrides: Record<string, string> = {}): Promise<NodeRenderServices> {
  return createNodeRenderServices(loadConfig({ ...process.env, RENDER_CACHE_MAX_BYTES: '0', ...overrides }));
}
