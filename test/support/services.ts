// Real services for end-to-end tests: templates from templates/, PDF through Debian's Chromium.
import { loadConfig } from '../../src/config.ts';
import { createNodeRenderServices, type NodeRenderServices } from '../../src/runtime/node/services.ts';

export function testServices(overrides: Record<string, string> = {}): Promise<NodeRenderServices> {
  return createNodeRenderServices(loadConfig({ ...process.env, ...overrides }));
}
