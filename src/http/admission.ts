// Refusal before work: a request that will need the render workers or the browser takes its place there as it
// arrives, before its body is read; when every place is taken it is answered 503 queue_full with Retry-After at once.
// The places are given back when the answer is sent.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './env.ts';

export interface Needs {
  /** A place with the render workers (validation, render step, ZIP, lint). */
  work?: boolean;
  /** A place at the printer; it is handed to the render, which prints in it. */
  pdf?: boolean;
}

export function admission(deps: AppDeps, needs: (c: Context<AppEnv>) => Needs): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const n = needs(c);
    // The printer's place first: a PDF render's CPU work is bounded by the printer's places.
    const pdf = n.pdf ? deps.render.pdf?.admit?.() : undefined;
    let work;
    try {
      work = n.work && !n.pdf ? deps.render.work?.admit?.() : undefined;
    } catch (e) {
      pdf?.release();
      throw e;
    }
    if (pdf) c.set('pdfTicket', pdf);
    try {
      await next();
    } finally {
      work?.release();
      pdf?.release();
    }
  };
}
