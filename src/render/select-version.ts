// Picks the template version in force on a filing's own date, or the pinned one.
import { AppError } from '../core/errors.ts';
import type { FilingId } from '../core/filings/index.ts';
import type { TemplateVersion } from '../core/ports.ts';

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Drafts are never chosen by date, and pinned only for a maintainer's preview (`allowDraft`). */
export function selectVersion(filingId: FilingId, versions: TemplateVersion[], date: string, pinned?: string, allowDraft = false): TemplateVersion {
  if (pinned !== undefined) {
    const v = versions.find((x) => x.version === pinned && (allowDraft || x.status !== 'draft'));
    if (!v) {
      throw new AppError({
        code: 'template_missing',
        message: {
          'zh-CN': `模板版本 ${pinned} 不存在或未发布（${filingId}）。`,
          en: `Template version ${pinned} does not exist or is not published (${filingId}).`,
        },
        details: { filingId, version: pinned, available: versions.filter((x) => x.status !== 'draft').map((x) => x.version) },
      });
    }
    return v;
  }
  const candidates = versions
    .filter((v) => v.status === 'published' && v.effectiveFrom <= date && (!v.effectiveUntil || date <= v.effectiveUntil))
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? compareVersions(b.version, a.version) : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const chosen = candidates[0];
  if (!chosen) {
    throw new AppError({
      code: 'template_missing',
      message: {
        'zh-CN': `没有在 ${date} 生效的模板版本（${filingId}）。`,
        en: `No template version of ${filingId} is in force on ${date}.`,
      },
      details: { filingId, date },
    });
  }
  return chosen;
}
