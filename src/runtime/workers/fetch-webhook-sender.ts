// Webhook requests on Workers: fetch, with the URL policy applied to the URL (a literal address is checked as on Node).
// A Worker cannot resolve a name before connecting, and needs not: Cloudflare's edge does not connect a Worker's
// subrequest to private, loopback or link-local addresses. Redirects are not followed, as on Node.
import type { SendResult, WebhookSender } from '../../core/reminder-ports.ts';
import { refuseUrl, type UrlPolicy } from '../../usecases/webhook-url-policy.ts';

function retryAfter(res: Response): number | undefined {
  const v = res.headers.get('retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

export function createFetchWebhookSender(policy: UrlPolicy, fetcher: typeof fetch = fetch): WebhookSender {
  return {
    async send({ url, headers, body, timeoutMs }): Promise<SendResult> {
      const refused = refuseUrl(url, policy);
      if (refused) return { error: `address refused: ${refused.reason}` };
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const res = await fetcher(url, { method: 'POST', headers, body, redirect: 'manual', signal });
        await res.body?.cancel();
        const after = retryAfter(res);
        return { status: res.status, ...(after !== undefined ? { retryAfterSeconds: after } : {}) };
      } catch (e) {
        return { error: signal.aborted ? `timed out after ${timeoutMs} ms` : `error: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}
