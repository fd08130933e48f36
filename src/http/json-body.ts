// Reading a JSON body safely: a byte limit enforced while streaming, strict UTF-8, and limits on depth, array
// length, string length and node count; `__proto__` / `constructor.prototype` keys are refused (prototype poisoning).
import { jsonPointer } from '../core/errors.ts';
import { httpError } from './problem.ts';

export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
  maxArrayItems: number;
  maxStringLength: number;
  maxNodes: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxBytes: 1024 * 1024,
  maxDepth: 32,
  maxArrayItems: 10_000,
  maxStringLength: 100_000,
  maxNodes: 100_000,
};

function tooLarge(limit: number) {
  return httpError('body_too_large', `请求体超过 ${limit} 字节上限。`, `The request body exceeds the limit of ${limit} bytes.`, { maxBytes: limit });
}

export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Walks the parsed value without recursion (a 10,000-level document cannot overflow the stack). */
export function checkJsonLimits(value: unknown, limits: JsonLimits): void {
  const stack: Array<{ v: unknown; path: PropertyKey[]; depth: number }> = [{ v: value, path: [], depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      throw httpError('json_limit_exceeded', `JSON 节点超过 ${limits.maxNodes} 个。`, `The JSON has more than ${limits.maxNodes} values.`, { limit: 'nodes', max: limits.maxNodes });
    }
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) {
        throw httpError('json_limit_exceeded', `字符串过长（${jsonPointer(path)}）。`, `A string is too long at ${jsonPointer(path)}.`, { limit: 'string', max: limits.maxStringLength, path: jsonPointer(path) });
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) {
      throw httpError('json_too_deep', `JSON 嵌套超过 ${limits.maxDepth} 层（${jsonPointer(path)}）。`, `The JSON nests deeper than ${limits.maxDepth} levels at ${jsonPointer(path)}.`, { max: limits.maxDepth, path: jsonPointer(path) });
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayItems) {
        throw httpError('json_limit_exceeded', `数组元素过多（${jsonPointer(path)}）。`, `Too many array items at ${jsonPointer(path)}.`, { limit: 'array', max: limits.maxArrayItems, path: jsonPointer(path) });
      }
      v.forEach((item, i) => stack.push({ v: item, path: [...path, i], depth: depth + 1 }));
      continue;
    }
    for (const [k, item] of Object.entries(v)) {
      if (k === '__proto__' || (k === 'prototype' && path[path.length - 1] === 'constructor')) {
        throw httpError('json_forbidden_key', `不允许的键名（${jsonPointer([...path, k])}）。`, `Forbidden key at ${jsonPointer([...path, k])}.`, { path: jsonPointer([...path, k]) });
      }
      stack.push({ v: item, path: [...path, k], depth: depth + 1 });
    }
  }
}

export async function readJson(req: Request, limits: JsonLimits): Promise<unknown> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw httpError('unsupported_media_type', '请求体应为 application/json。', 'The request body must be application/json.', { received: type || null });
  }
  const bytes = await readBodyBytes(req, limits.maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw httpError('json_invalid', '请求体不是有效的 UTF-8。', 'The request body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw httpError('json_invalid', '请求体不是有效的 JSON。', 'The request body is not valid JSON.', position ? { position: Number(position) } : {});
  }
  checkJsonLimits(value, limits);
  return value;
}
