// Node entry: serve the app, warm the browser, and on SIGTERM stop accepting, drain, close browser and database.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { composeNodeApp } from './compose.ts';
import { continueOnFirstRead } from './expect-continue.ts';
import { startReminderCron } from './reminder-cron.ts';

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

const node = await composeNodeApp(process.env, log);
const { config, lifecycle } = node;
const server = serve({ fetch: node.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`filing service listening on http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${info.port}  (workbench: /, API docs: /docs, OpenAPI: /openapi.json)`);
}) as Server;
continueOnFirstRead(server);
// Slow clients cannot hold a connection open forever (slowloris); a render has its own, shorter budget.
server.headersTimeout = 60_000;
server.requestTimeout = 65_000;
const reminders = config.REMINDER_CRON === 'off' ? undefined : startReminderCron(config.REMINDER_CRON, node.jobs, log);
node.services.pdf.warm().catch((e) => log({ level: 'warn', msg: 'browser not started yet', err: String(e) }));

const DRAIN_MS = 30_000;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log({ level: 'warn', msg: `second ${signal}: exiting now` });
    process.exit(1);
  }
  stopping = true;
  lifecycle.draining = true;
  log({ level: 'info', msg: `${signal}: draining`, inFlight: lifecycle.inFlight });
  server.close();
  const deadline = Date.now() + DRAIN_MS;
  while (lifecycle.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (lifecycle.inFlight > 0) log({ level: 'warn', msg: 'drain deadline passed', inFlight: lifecycle.inFlight });
  server.closeAllConnections();
  await reminders?.stop();
  await node.close();
  log({ level: 'info', msg: 'stopped' });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
