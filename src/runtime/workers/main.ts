// Workers entry: the same app as on Node for fetch, and the same scheduled job (reminders, retention) for the Cron
// Trigger. The app is composed once per isolate, on its first event; a failure to compose is retried on the next one.
import { runScheduledJob } from '../../usecases/scheduled-job.ts';
import type { ExecutionContext, ScheduledController, WorkerEnv } from './bindings.ts';
import { composeWorkersApp, type WorkersApp } from './compose.ts';

// The Durable Object class of the RATE_LIMITER binding: a class a binding names must be exported by the entry.
export { RateLimiterObject } from './rate-limiter-object.ts';

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

let composed: Promise<WorkersApp> | undefined;
function workersApp(env: WorkerEnv): Promise<WorkersApp> {
  composed ??= composeWorkersApp(env, log).catch((e: unknown) => {
    composed = undefined;
    throw e;
  });
  return composed;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const w = await workersApp(env);
    // Template versions are rows shared by every isolate: read them before serving, so a publish elsewhere counts here.
    await w.templates.refresh();
    return w.app.fetch(request, env, ctx);
  },

  async scheduled(controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const w = await workersApp(env);
    const run = runScheduledJob(w.jobs, new Date(controller.scheduledTime)).then((report) => log({ level: 'info', msg: 'scheduled run', cron: controller.cron, ...report }));
    ctx.waitUntil(run);
    await run;
  },
};
