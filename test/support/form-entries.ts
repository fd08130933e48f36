// What a browser would submit for a rendered form, read from its HTML: enabled inputs in document order (checkboxes
// and radios only when checked, a select's chosen option, a textarea's text), nothing inside <template>.
const TEMPLATE = /<template\b[^>]*>(?:(?!<template\b)[\s\S])*?<\/template>/g;
const CONTROL = /<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g;
const ATTR = /([\w:@|.-]+)(?:="([^"]*)")?/g;

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function attrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(ATTR)) out.set(m[1]!, unescape(m[2] ?? ''));
  return out;
}

export function stripTemplates(html: string): string {
  let prev;
  do {
    prev = html;
    html = html.replace(TEMPLATE, '');
  } while (html !== prev);
  return html;
}

export function formEntries(html: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of stripTemplates(html).matchAll(CONTROL)) {
    const a = attrs(m[1] ?? m[2] ?? m[4] ?? '');
    const name = a.get('name');
    if (!name || a.has('disabled')) continue;
    if (m[1] !== undefined) {
      const type = a.get('type') ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !a.has('checked')) continue;
      out.push([name, a.get('value') ?? (type === 'checkbox' ? 'on' : '')]);
    } else if (m[2] !== undefined) out.push([name, unescape(m[3]!).replace(/^\n/, '')]);
    else {
      const selected = [...m[5]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!)).find((o) => o.has('selected'));
      out.push([name, selected?.get('value') ?? '']);
    }
  }
  return out;
}
