// Calendar feeds (RFC 5545) of a project's or an organisation's open obligations, each an all-day event on its due
// date with an alarm for every reminder offset, at a secret URL: the token is shown once, only its SHA-256 is kept,
// and issuing a new one (rotation) ends the old URL. Calendar programs subscribe to it without a key.
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { AppError, type Locale } from '../core/errors.ts';
import type { Obligation } from '../core/deadlines/obligations.ts';
import type { FeedRecord, FeedStore } from '../core/reminder-ports.ts';
import { formatCitation } from '../core/regulations/documents.ts';
import { boardObligations, projectObligations, type DeadlineDeps, type ProjectObligations } from './obligations.ts';
import type { Actor } from './projects.ts';

export interface FeedDeps extends DeadlineDeps {
  feeds: FeedStore;
  publicUrl: string | null;
  /** Offsets (days before the due date) that get an alarm; negative ones are left out. */
  alarmDays: readonly number[];
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function sha256Hex(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const base64url = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function feedPath(token: string): string {
  return `/v1/calendars/${token}.ics`;
}

/** A new secret URL for the feed (the previous one stops working). */
export async function issueFeed(d: FeedDeps, actor: Actor, scope: FeedRecord['scope'], projectId?: string): Promise<{ url: string; path: string; scope: FeedRecord['scope']; target: string }> {
  const target = scope === 'project' ? (await projectObligations(d, actor, projectId!)).project.id : actor.org;
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  await d.feeds.replaceFeed({ tokenSha256: await sha256Hex(token), scope, target, createdAt: d.now().toISOString(), createdBy: actor.keyId });
  const path = feedPath(token);
  return { url: `${d.publicUrl?.replace(/\/+$/, '') ?? ''}${path}`, path, scope, target };
}

export async function revokeFeed(d: FeedDeps, actor: Actor, scope: FeedRecord['scope'], projectId?: string): Promise<boolean> {
  const target = scope === 'project' ? (await projectObligations(d, actor, projectId!)).project.id : actor.org;
  return d.feeds.deleteFeed(scope, target);
}

function feedUnknown(): AppError {
  return new AppError({ code: 'feed_unknown', message: { 'zh-CN': '没有这个日历订阅地址（可能已更换）。', en: 'No such calendar feed (it may have been replaced).' } });
}

function describe(o: Obligation, locale: Locale, boardUrl: string | null): string {
  const zh = locale === 'zh-CN';
  const lines = [
    zh ? o.rule.zh : o.rule.en,
    `${zh ? '依据' : 'Basis'}: ${o.basis.map((c) => formatCitation(c, locale)).join('; ')}`,
    ...(o.nominalDue !== o.due ? [`${zh ? '名义期限' : 'Nominal date'}: ${o.nominalDue}`] : []),
    ...o.notes.map((n) => (zh ? n.zh : n.en)),
    ...o.warnings.map((w) => (zh ? w.message.zh : w.message.en)),
    ...(o.prepare ? [`${zh ? '需编制文书' : 'Filing to prepare'}: ${o.prepare.filingId}${boardUrl ? ` — ${boardUrl}` : ''}`] : []),
  ];
  return lines.join('\n');
}

/** The feed's text; an unknown or replaced token is feed_unknown. */
export async function renderFeed(d: FeedDeps, token: string, locale: Locale): Promise<string> {
  if (!TOKEN.test(token)) throw feedUnknown();
  const feed = await d.feeds.findFeed(await sha256Hex(token));
  if (!feed) throw feedUnknown();
  // The feed reads as its creator's organisation would: an admin-wide view is never reachable through a feed.
  const reader: Actor = { keyId: feed.createdBy ?? 'feed', role: 'staff', org: feed.scope === 'org' ? feed.target : '' };
  let lists: ProjectObligations[];
  if (feed.scope === 'org') lists = await boardObligations(d, reader, true);
  else {
    const p = await d.projects.one(feed.target);
    if (!p) throw feedUnknown();
    lists = [await projectObligations(d, { ...reader, org: p.project.org }, feed.target)].map((l) => ({ ...l, obligations: l.obligations.filter((o) => o.status !== 'fulfilled') }));
  }
  return calendarText(lists, d, locale);
}

function calendarText(lists: ProjectObligations[], d: FeedDeps, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const base = d.publicUrl?.replace(/\/+$/, '') ?? null;
  const boardUrl = base ? `${base}/deadlines` : null;
  const name = lists.length === 1 ? `${lists[0]!.project.title} — ${zh ? '期限' : 'deadlines'}` : zh ? '政务信息化项目期限' : 'Project deadlines';
  const cal = ical({ name, prodId: { company: 'filing-service', product: 'deadlines', language: zh ? 'ZH' : 'EN' }, method: ICalCalendarMethod.PUBLISH, ttl: 3600 });
  const stamp = d.now();
  for (const list of lists) {
    for (const o of list.obligations) {
      const ev = cal.createEvent({
        id: `${list.project.id}.${o.id}@filing-service`,
        start: new Date(`${o.due}T00:00:00Z`),
        allDay: true,
        summary: `${zh ? o.title.zh : o.title.en}（${list.project.title}）`,
        description: describe(o, locale, boardUrl),
        stamp,
        ...(boardUrl ? { url: boardUrl } : {}),
        categories: [{ name: o.kind }],
      });
      for (const days of d.alarmDays.filter((x) => x >= 0)) {
        ev.createAlarm({ type: ICalAlarmType.display, trigger: days * 86_400, description: `${zh ? o.title.zh : o.title.en}: ${days === 0 ? (zh ? '今天到期' : 'due today') : zh ? `还有${days}天` : `${days} days left`}` });
      }
    }
  }
  return cal.toString();
}
