// The sections of a generated form and the navigation beside it, with a progress figure per section that the client
// script keeps current (filled required fields, errors).
import type { Lang } from '../../core/i18n/catalogue.ts';
import type { FormSection } from '../form/filing-form.ts';
import { h, type Html } from '../html.ts';
import { t } from '../messages.ts';

export function formSections(sections: readonly FormSection[]): Html {
  return h`${sections.map((s) => h`<section class="form-section" id="s-${s.id}" data-section="${s.id}" aria-labelledby="sh-${s.id}"><h2 id="sh-${s.id}">${s.title}</h2>${s.body}</section>`)}`;
}

export function sectionNav(sections: readonly FormSection[], lang: Lang): Html {
  const items = sections.map((s) => h`<li><a href="#s-${s.id}">${s.title}</a> <span class="progress" data-progress="${s.id}"></span> <span class="badge" data-errors="${s.id}" hidden></span></li>`);
  return h`<nav class="section-nav" aria-label="${t(lang, 'sections')}"><h2 class="nav-title">${t(lang, 'sections')}</h2><ol>${items}</ol></nav>`;
}
