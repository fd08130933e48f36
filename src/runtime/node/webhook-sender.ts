// Node's webhook sender: node:http(s) with a lookup that resolves the host and refuses the request unless every
// address passes the URL policy, so the socket connects only to an address that was checked (no DNS rebinding between
// check and connect). Redirects are not followed (a 3xx is an answer like any other); the body of the answer is
// discarded; the whole exchange has a deadline.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { SendResult, WebhookSender } from '../../core/reminder-ports.ts';
import { refuseAddress, type UrlPolicy } from '../../usecases/webhook-url-policy.ts';

class Refused extends Error {}

function retryAfter(res: IncomingMessage): number | undefined {
  const v = res.headers['retry-after'];
  if (typeof v !== 'string') return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

function checkedLookup(policy: UrlPolicy, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.map((a) => refuseAddress(a.address, policy, port)).find((r) => r !== null);
      if (refused || addresses.length === 0) return callback(new Refused(`address refused: ${refused ?? 'no address'}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export function createNodeWebhookSender(policy: UrlPolicy): WebhookSender {
  return {
    send({ url, headers, body, timeoutMs }) {
      return new Promise<SendResult>((resolve) => {
        const u = new URL(url);
        const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
        const host = u.hostname.replace(/^\[|\]$/g, '');
        // A literal address never reaches the lookup: it is checked here.
        if (isIP(host)) {
          const refused = refuseAddress(host, policy, port);
          if (refused) return resolve({ error: `address refused: ${refused}` });
        }
        const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
        const signal = AbortSignal.timeout(timeoutMs);
        const req = request(u, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: checkedLookup(policy, port), signal }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(retryAfter(res) !== undefined ? { retryAfterSeconds: retryAfter(res)! } : {}) }));
          res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
        });
        req.on('error', (e) => resolve({ error: signal.aborted ? `timed out after ${timeoutMs} ms` : e instanceof Refused ? e.message : `${(e as NodeJS.ErrnoException).code ?? 'error'}: ${e.message}` }));
        req.end(body);
      });
    },
  };
}
