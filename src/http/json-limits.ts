// Request bodies read safely: Hono's body limit (413, counted while reading when no length is declared), strict UTF-8,
// and limits on JSON depth, array length, string length and node count; `__proto__` / `constructor.prototype` keys
// are refused (prototype poisoning). The parsed value is handed to the route's validator and handler.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonPointer } from '../core/errors.ts';
import type { AppEnv } from './env.ts';
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

function tooLarge(limit: number) {
  return httpError('body_too_large', `请求体超过 ${limit} 字节上限。`, `The request body exceeds the limit of ${limit} bytes.`, { maxBytes: limit });
}

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** Hono's body limit, answering with the service's problem (also when the body is chunked). */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
}

function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw httpError('json_invalid', '请求体不是有效的 UTF-8。', 'The request body is not valid UTF-8.');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw httpError('json_invalid', '请求体不是有效的 JSON。', 'The request body is not valid JSON.', position ? { position: Number(position) } : {});
  }
}

/**
 * A JSON body under the limits, parsed once and handed to the route's zod validator. `optional`: an empty body stands
 * for `{}`.
 */
export function jsonBody(limits: JsonLimits, opts: { optional?: boolean } = {}): MiddlewareHandler<AppEnv>[] {
  const read: MiddlewareHandler<AppEnv> = async (c, next) => {
    const empty = c.req.header('content-length') === '0' && !c.req.header('transfer-encoding');
    if (opts.optional && (empty || !c.req.raw.body)) {
      // Hono caches bodies as promises (its type says the value); the validator then reads `{}`.
      c.req.bodyCache.text = Promise.resolve('{}') as unknown as string;
      return next();
    }
    const type = mediaType(c.req.header('content-type'));
    if (type !== 'application/json' && !type.endsWith('+json')) {
      throw httpError('unsupported_media_type', '请求体应为 application/json。', 'The request body must be application/json.', { received: type || null });
    }
    // The bytes stay in Hono's body cache (the render cache keys on them); the text and the parsed value are handed to
    // the route's validator as they are, which Hono would otherwise decode and parse a second time.
    const text = decodeUtf8(await c.req.arrayBuffer());
    const value = parseJson(text);
    checkJsonLimits(value, limits);
    c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    Object.defineProperty(c.req, 'json', { value: () => Promise.resolve(value) });
    return next();
  };
  return [limitBody(limits.maxBytes), read];
}

/** A multipart/form-data body under its own (larger) limit. */
export function formBody(maxBytes: number): MiddlewareHandler<AppEnv>[] {
  const type: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (mediaType(c.req.header('content-type')) !== 'multipart/form-data') {
      throw httpError('unsupported_media_type', '上传应为 multipart/form-data。', 'An upload is multipart/form-data.', { received: c.req.header('content-type') || null });
    }
    return next();
  };
  return [type, limitBody(maxBytes)];
}
