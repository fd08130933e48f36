// The rows of template_versions and the records they stand for, shared by the Node (SQLite) and Workers (D1) stores.
import type { FilingId } from '../core/filings/index.ts';
import type { TemplateVersion } from '../core/ports.ts';

export interface TemplateVersionRow {
  filing_id: FilingId;
  version: string;
  effective_from: string;
  effective_until: string | null;
  status: TemplateVersion['status'];
  regulation_basis: string;
  docx_sha256: string;
  html_sha256: string;
  source: 'git' | 'upload';
  created_at: string;
  published_at: string | null;
  retired_at: string | null;
}

export const toVersion = (r: TemplateVersionRow): TemplateVersion => ({
  filingId: r.filing_id,
  version: r.version,
  effectiveFrom: r.effective_from,
  ...(r.effective_until ? { effectiveUntil: r.effective_until } : {}),
  status: r.status,
  regulationBasis: JSON.parse(r.regulation_basis) as string[],
  sha256: { docx: r.docx_sha256, html: r.html_sha256 },
  source: r.source,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  retiredAt: r.retired_at,
});
