// HTML rendering with precompiled Handlebars templates and the Handlebars runtime (no eval; same on Workers).
import type { DocView, SectionView } from '../../core/filings/index.ts';
import type { Table } from '../../core/filings/index.ts';
import type { HtmlTemplateFn } from '../../core/ports.ts';
import { templateInvalid } from '../docx/render-docx.ts';

/** A table as the HTML template binds it: widths in percent and per-cell alignment. */
function htmlTable(t: Table) {
  const weights = t.columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, c) => a + c, 0);
  const columns = t.columns.map((c, i) => ({ label: c.label, width: Math.round((weights[i]! / sum) * 1000) / 10 }));
  const row = (cells: string[], total: boolean) => ({ total, cells: t.columns.map((c, i) => ({ text: cells[i] ?? '', align: c.align ?? 'left' })) });
  return { columns, rows: [...t.rows.map((r) => row(r, false)), ...(t.total ? [row(t.total, true)] : [])] };
}

function withHtmlTables(view: DocView): Record<string, unknown> {
  const out: Record<string, unknown> = { ...view };
  for (const [key, value] of Object.entries(view)) {
    if (!key.startsWith('s_') || !value) continue;
    const s = value as SectionView;
    out[key] = { ...s, blocks: s.blocks.map((b) => (b.table ? { ...b, table: htmlTable(b.table) } : b)) };
  }
  if (view.draftAppendix) out.draftAppendix = { ...view.draftAppendix, table: htmlTable(view.draftAppendix.table) };
  return out;
}

export interface RenderedHtml {
  html: string;
  text: string;
  markers: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x60': '`', '#x3D': '=' };

export function extractHtmlText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<style[\s\S]*?<\/style>/g, '');
  return body
    .replace(/<\/(p|h\d|tr|section|div)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => ENTITIES[e] ?? m)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function extractHtmlMarkers(html: string): string[] {
  return Array.from(html.matchAll(/<section data-section="([^"]+)"/g), (m) => m[1]!);
}

export function renderHtml(template: HtmlTemplateFn, view: DocView): RenderedHtml {
  let html: string;
  try {
    html = template(withHtmlTables(view));
  } catch (e) {
    // Strict mode names the missing field: the template binds something this filing does not have.
    throw templateInvalid([{ id: 'html_render_error', explanation: e instanceof Error ? e.message : String(e) }], e);
  }
  return { html, text: extractHtmlText(html), markers: extractHtmlMarkers(html) };
}
