// A Worker that exposes the RateLimitStore port over the rate-limiter Durable Objects as JSON calls, so the port's
// contract runs against the objects on workerd with the clock the test chooses. Only the tests start it.
import type { DurableObjectNamespace } from '../../../src/runtime/workers/bindings.ts';
import { durableRateLimitStore } from '../../../src/runtime/workers/rate-limiter-object.ts';

export { RateLimiterObject } from '../../../src/runtime/workers/rate-limiter-object.ts';

type Op = 'hit' | 'blockedUntil' | 'block' | 'purge';

export default {
  async fetch(request: Request, env: { RATE_LIMITER: DurableObjectNamespace }): Promise<Response> {
    const store = durableRateLimitStore(env.RATE_LIMITER);
    const { op, args } = (await request.json()) as { op: Op; args: unknown[] };
    const method = store[op] as (...a: unknown[]) => Promise<unknown>;
    return Response.json({ result: (await method(...args)) ?? null });
  },
};
