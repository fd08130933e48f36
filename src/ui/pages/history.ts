// A draft's history: every saved version (an autosave burst is one entry) and every refused stale save, each viewable
// and restorable as a new revision.
import { message } from '../../core/i18n/catalogue.ts';
import type { DraftRecord, DraftRevision, ProjectRecord } from '../../core/ports.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { csrfInput, fmtTime, shell, type PageCtx } from '../page.ts';

export function historyPage(p: PageCtx, project: ProjectRecord, draft: DraftRecord, entries: DraftRevision[], shown?: DraftRevision): Html {
  const base = `/projects/${project.id}/drafts/${draft.id}`;
  const rows = entries.map(
    (e) => h`<tr${e.kind === 'conflict' ? h` class="conflict"` : ''}><td>${e.seq}</td><td>${t(p.lang, `historyKind_${e.kind}`)}</td><td>${e.revision === null ? '—' : t(p.lang, 'revision', { n: e.revision })}</td><td>${fmtTime(e.savedAt, p.lang)}</td><td>${e.savedBy ?? ''}</td>
<td><a href="${base}/history?show=${e.seq}">${t(p.lang, 'viewJson')}</a>${
      draft.status === 'open'
        ? h` <form method="post" action="${base}/history/${e.seq}/restore" class="inline">${csrfInput(p.viewer)}<input type="hidden" name="_revision" value="${draft.revision}"><button type="submit" class="link">${t(p.lang, 'restore')}</button></form>`
        : ''
    }</td></tr>`,
  );
  const table = h`<table class="list"><caption class="visually-hidden">${t(p.lang, 'history')}</caption><thead><tr><th scope="col">#</th><th scope="col">${t(p.lang, 'status')}</th><th scope="col">${t(p.lang, 'version')}</th><th scope="col">${t(p.lang, 'updated')}</th><th scope="col">key</th><th scope="col">${t(p.lang, 'actions')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const json = shown ? h`<section class="panel" aria-labelledby="shown-h"><h2 id="shown-h"># ${shown.seq}</h2><pre class="json">${JSON.stringify(shown.data, null, 2)}</pre></section>` : '';
  const title = `${t(p.lang, 'history')} · ${message(p.lang, `filings.${draft.filingId}.title`)}`;
  return shell(p, title, h`<p class="breadcrumb"><a href="/projects/${project.id}">${project.title}</a> › <a href="${base}">${message(p.lang, `filings.${draft.filingId}.title`)}</a></p><h1>${title}</h1>${table}${json}`);
}
