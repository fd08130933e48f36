// Webhook receivers, managed by admins: registered with a URL the policy accepts (the secret is shown once), listed
// without secrets, secrets rotated with the previous one still valid for a while, disabled, enabled, removed; and the
// deliveries, dead-lettered ones included, with a replay that keeps the webhook-id.
import { AppError } from '../core/errors.ts';
import type { DeliveryRecord, DeliveryStatus, ReceiverRecord, ReceiverStore, ReminderStore } from '../core/reminder-ports.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import { refuseUrl, type UrlPolicy } from './webhook-url-policy.ts';

export interface ReceiverDeps {
  receivers: ReceiverStore;
  reminders: ReminderStore;
  policy: UrlPolicy;
  now: () => Date;
  /** How long a rotated-out secret still signs (both signatures are sent meanwhile). */
  rotationOverlapMs: number;
}

/** A receiver as the API shows it: never its secrets. */
export type ReceiverView = Omit<ReceiverRecord, 'secret' | 'previousSecret' | 'previousUntil'> & { previousSecretValidUntil: string | null };

export function receiverView(r: ReceiverRecord, now: number): ReceiverView {
  const { secret: _s, previousSecret: _p, previousUntil, ...rest } = r;
  return { ...rest, previousSecretValidUntil: previousUntil !== null && previousUntil > now ? new Date(previousUntil).toISOString() : null };
}

function receiverUnknown(id: string): AppError {
  return new AppError({ code: 'receiver_unknown', message: { 'zh-CN': `没有这个 Webhook 接收方（${id}）。`, en: `No webhook receiver ${id}.` }, details: { receiverId: id } });
}

const REASONS_ZH: Record<string, string> = {
  'not an IP address': '不是 IP 地址',
  'cloud metadata address': '云元数据地址',
  'the service itself': '本服务自身',
  'not an absolute URL of at most 2000 characters': '不是不超过 2000 个字符的绝对地址',
  'credentials in the URL': '地址中含有用户名或密码',
  'https only (http only to an allowed private network)': '只接受 https（http 仅限配置允许的内网）',
  'a local or metadata host name': '本机或云元数据主机名',
};
const RANGES_ZH: Record<string, string> = { private: '内网', linkLocal: '链路本地', loopback: '本机回环', uniqueLocal: '唯一本地（内网）', unspecified: '未指定', multicast: '组播', broadcast: '广播', reserved: '保留', carrierGradeNat: '运营商级 NAT' };

/** The policy's reason in Chinese (the policy speaks English, for logs). */
function reasonZh(reason: string): string {
  const range = /^(\w+) address$/.exec(reason)?.[1];
  return REASONS_ZH[reason] ?? (range ? `${RANGES_ZH[range] ?? '非公网'}地址` : reason);
}

export async function registerReceiver(d: ReceiverDeps, by: string, req: { url: string; org?: string | null; description?: string }): Promise<{ receiver: ReceiverView; secret: string }> {
  const refused = refuseUrl(req.url, d.policy);
  if (refused) {
    throw new AppError({
      code: 'webhook_url_refused',
      message: { 'zh-CN': `不接受这个接收地址：${reasonZh(refused.reason)}。地址须为 https，且不得指向本服务、本机、链路本地或云元数据地址；内网地址须经配置允许。`, en: `This receiver URL is refused: ${refused.reason}. It must be https and may not point at this service, loopback, link-local or metadata addresses; private networks only when configured.` },
      issues: [{ path: '/url', code: refused.code, message: { 'zh-CN': reasonZh(refused.reason), en: refused.reason } }],
    });
  }
  const now = d.now();
  const secret = newWebhookSecret();
  const record: ReceiverRecord = { id: `whr_${crypto.randomUUID().replace(/-/g, '')}`, url: req.url, org: req.org ?? null, description: req.description?.trim() ?? '', secret, previousSecret: null, previousUntil: null, status: 'active', disabledReason: null, createdAt: now.toISOString(), createdBy: by };
  await d.receivers.insertReceiver(record);
  return { receiver: receiverView(record, now.getTime()), secret };
}

export async function getReceiver(d: ReceiverDeps, id: string): Promise<ReceiverRecord> {
  const r = await d.receivers.getReceiver(id);
  if (!r) throw receiverUnknown(id);
  return r;
}

/** A new secret; the old one keeps signing (as a second signature) until the overlap ends. */
export async function rotateReceiverSecret(d: ReceiverDeps, id: string): Promise<{ receiver: ReceiverView; secret: string }> {
  await getReceiver(d, id);
  const now = d.now().getTime();
  const secret = newWebhookSecret();
  const r = await d.receivers.rotateSecret(id, secret, now + d.rotationOverlapMs);
  if (!r) throw receiverUnknown(id);
  return { receiver: receiverView(r, now), secret };
}

export async function setReceiverEnabled(d: ReceiverDeps, id: string, enabled: boolean): Promise<ReceiverView> {
  await getReceiver(d, id);
  await d.receivers.setReceiverStatus(id, enabled ? 'active' : 'disabled', enabled ? null : 'disabled by an administrator');
  return receiverView(await getReceiver(d, id), d.now().getTime());
}

export async function deleteReceiver(d: ReceiverDeps, id: string): Promise<void> {
  if (!(await d.receivers.deleteReceiver(id))) throw receiverUnknown(id);
}

export function listDeliveries(d: ReceiverDeps, filter: { status?: DeliveryStatus; receiverId?: string; limit?: number }): Promise<DeliveryRecord[]> {
  return d.reminders.listDeliveries({ ...filter, limit: Math.min(filter.limit ?? 100, 500) });
}

/** A dead-lettered delivery sent again by the next run, with the same webhook-id. */
export async function replayDelivery(d: ReceiverDeps, id: string): Promise<void> {
  if (await d.reminders.requeueDelivery(id, d.now().getTime())) return;
  const known = (await d.reminders.listDeliveries({ id, limit: 1 })).length > 0;
  if (!known) throw new AppError({ code: 'delivery_unknown', message: { 'zh-CN': `没有这次投递（${id}）。`, en: `No delivery ${id}.` }, details: { deliveryId: id } });
  throw new AppError({ code: 'delivery_not_dead', message: { 'zh-CN': '只能重发已转入死信的投递。', en: 'Only a dead-lettered delivery can be replayed.' }, details: { deliveryId: id } });
}
