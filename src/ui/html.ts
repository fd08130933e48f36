// hono/html's tagged template, typed for synchronous use (the workbench never interpolates promises): interpolated
// values are escaped, nested templates and raw() are not.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;

export const h = (strings: TemplateStringsArray, ...values: unknown[]): Html => html(strings, ...values) as Html;
export { raw };

/** ` name` when on, nothing otherwise: for boolean attributes. */
export const attr = (on: boolean | undefined, name: string): Html | '' => (on ? raw(` ${name}`) : '');
