// Request bodies read safely: Hono's body limit (413, counted while reading when no length is declared), then the JSON
// rules of src/core/json-input.ts (strict UTF-8, depth, array, string and node limits, no prototype keys). The parsed
// value is handed to the route's validator and handler, or, for a render, the bytes go to the render work unparsed.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkJsonLimits, decodeUtf8, parseJson, type JsonLimits } from '../core/json-input.ts';
import type { AppEnv } from './env.ts';
import { httpError } from './problem.ts';

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

/**
 * A JSON body under the limits, parsed once and handed to the route's zod validator. `optional`: an empty body stands
 * for `{}`. `raw`: the body is only read (size and media type checked); the handler takes its bytes from
 * `c.req.arrayBuffer()` and hands them to the render work, which parses them under the same limits off the event loop
 * (the route's validator sees no value, so its body schema must accept anything).
 */
export function jsonBody(limits: JsonLimits, opts: { optional?: boolean; raw?: boolean } = {}): MiddlewareHandler<AppEnv>[] {
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
    if (opts.raw) {
      await c.req.arrayBuffer();
      Object.defineProperty(c.req, 'json', { value: () => Promise.resolve(undefined) });
      return next();
    }
    // The bytes stay in Hono's body cache; the text and the parsed value are handed to the route's validator as they
    // are, which Hono would otherwise decode and parse a second time.
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
