// A JSON request body read safely as data: strict UTF-8, then limits on depth, array length, string length and node
// count, and `__proto__` / `constructor.prototype` keys refused (prototype poisoning). Pure, so the HTTP layer can
// run it as the body arrives and a render worker can run it on the bytes it was handed, with the same errors.
import { AppError, jsonPointer, type ErrorCode } from './errors.ts';

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

const fail = (code: ErrorCode, zh: string, en: string, details?: Record<string, unknown>) => new AppError({ code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) });

/** A path kept as a parent link: building a pointer costs only when one is reported. */
interface Path {
  up: Path | null;
  key: PropertyKey;
}
const pointer = (p: Path | null, last?: PropertyKey): string => {
  const keys: PropertyKey[] = last === undefined ? [] : [last];
  for (let at = p; at; at = at.up) keys.push(at.key);
  return jsonPointer(keys.reverse());
};

/** Walks the parsed value without recursion (a 10,000-level document cannot overflow the stack). */
export function checkJsonLimits(value: unknown, limits: JsonLimits): void {
  const stack: Array<{ v: unknown; path: Path | null; depth: number }> = [{ v: value, path: null, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      throw fail('json_limit_exceeded', `JSON 节点超过 ${limits.maxNodes} 个。`, `The JSON has more than ${limits.maxNodes} values.`, { limit: 'nodes', max: limits.maxNodes });
    }
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) {
        throw fail('json_limit_exceeded', `字符串过长（${pointer(path)}）。`, `A string is too long at ${pointer(path)}.`, { limit: 'string', max: limits.maxStringLength, path: pointer(path) });
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) {
      throw fail('json_too_deep', `JSON 嵌套超过 ${limits.maxDepth} 层（${pointer(path)}）。`, `The JSON nests deeper than ${limits.maxDepth} levels at ${pointer(path)}.`, { max: limits.maxDepth, path: pointer(path) });
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayItems) {
        throw fail('json_limit_exceeded', `数组元素过多（${pointer(path)}）。`, `Too many array items at ${pointer(path)}.`, { limit: 'array', max: limits.maxArrayItems, path: pointer(path) });
      }
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: { up: path, key: i }, depth: depth + 1 });
      continue;
    }
    for (const k of Object.keys(v)) {
      if (k === '__proto__' || (k === 'prototype' && path?.key === 'constructor')) {
        throw fail('json_forbidden_key', `不允许的键名（${pointer(path, k)}）。`, `Forbidden key at ${pointer(path, k)}.`, { path: pointer(path, k) });
      }
      stack.push({ v: (v as Record<string, unknown>)[k], path: { up: path, key: k }, depth: depth + 1 });
    }
  }
}

export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('json_invalid', '请求体不是有效的 UTF-8。', 'The request body is not valid UTF-8.');
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw fail('json_invalid', '请求体不是有效的 JSON。', 'The request body is not valid JSON.', position ? { position: Number(position) } : {});
  }
}

/** A body's bytes as a value under the limits (its size was bounded as it was read). */
export function readJson(bytes: ArrayBuffer | Uint8Array, limits: JsonLimits): unknown {
  const value = parseJson(decodeUtf8(bytes));
  checkJsonLimits(value, limits);
  return value;
}
