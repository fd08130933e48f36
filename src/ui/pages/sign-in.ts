// Signing in with a key (once; the browser then holds only a session cookie) and signing out.
import { h, raw, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { shell, type PageCtx } from '../page.ts';

export function signInPage(p: PageCtx, next: string, error?: string): Html {
  const err = error
    ? h`<div class="error-summary" role="alert" tabindex="-1" data-focus><h2>${t(p.lang, 'errorSummary', { n: 1 })}</h2><ul><li><a href="#key">${error}</a></li></ul></div>`
    : '';
  const body = h`<div class="narrow">
<h1>${t(p.lang, 'signInTitle')}</h1>
${err}
<form method="post" action="/sign-in" novalidate>
<input type="hidden" name="next" value="${next}">
<div class="field${error ? ' has-error' : ''}">
<label class="label" for="key">${t(p.lang, 'signInKey')}</label>
<div class="hint" id="key-hint">${t(p.lang, 'signInHint')}</div>
${error ? h`<p class="error-message" id="key-error">${error}</p>` : ''}
<input class="input" type="password" id="key" name="key" autocomplete="current-password" spellcheck="false" required aria-describedby="key-hint${error ? ' key-error' : ''}"${error ? raw(' aria-invalid="true"') : ''}>
</div>
<button type="submit" class="primary">${t(p.lang, 'signIn')}</button>
</form>
</div>`;
  return shell(p, t(p.lang, 'signIn'), body);
}
