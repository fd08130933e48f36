// One field of a generated form: its label, help, error message and control, named by the form codec so the
// submitted entries rebuild the value. Inside a table the control is labelled by its column header and row number.
import type { Lang } from '../../core/i18n/catalogue.ts';
import { fieldHelp, fieldTitle, optionLabel } from '../../core/i18n/fields.ts';
import { attr, h, raw, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { fieldName, linesOf, textOf, type Kind } from './codec.ts';
import type { FieldNode, Scalar } from './model.ts';

export interface RenderCtx {
  /** `*` (project page) or the filing id: where titles are looked up. */
  scope: string;
  lang: Lang;
  /** Messages of the current problems, by JSON Pointer. */
  errors: ReadonlyMap<string, string>;
  /** Appended to element ids inside variants, so the same pointer in two variants keeps unique ids. */
  suffix: string;
  /** Inside a left-out optional group or an inactive variant: the inputs are disabled and submit nothing. */
  off: boolean;
  /** Inside a table row: the ids of the column header and the row number that label the control. */
  cell?: { labelledBy: string };
}

export interface FieldSpec {
  path: string;
  pointer: string;
  required: boolean;
  node: FieldNode;
  value: unknown;
}

export const idOf = (prefix: string, pointer: string, ctx: Pick<RenderCtx, 'suffix'>) => `${prefix}:${pointer}${ctx.suffix}`;

export function titleOf(ctx: RenderCtx, path: string): string {
  return fieldTitle(ctx.scope, path, ctx.lang) ?? path.split('.').pop() ?? path;
}

function labelOf(ctx: RenderCtx, path: string, value: Scalar): string {
  if (typeof value === 'boolean') return t(ctx.lang, value ? 'yes' : 'no');
  return optionLabel(ctx.scope, path, value, ctx.lang) ?? String(value);
}

/** Attributes every control shares: id, name, what describes it, invalid state, disabled state. */
function common(f: FieldSpec, ctx: RenderCtx, kind: Kind, side: '' | ':en' = ''): Html {
  const id = idOf('f', f.pointer, ctx) + side;
  const invalid = side === '' && ctx.errors.has(f.pointer);
  const describedBy = ctx.cell ? `${idOf('e', f.pointer, ctx)}` : `${idOf('h', f.pointer, ctx)} ${idOf('e', f.pointer, ctx)}`;
  const labelledBy = ctx.cell ? (side ? `${ctx.cell.labelledBy} ${idOf('l', f.pointer, ctx)}` : ctx.cell.labelledBy) : undefined;
  return h`id="${id}" name="${fieldName(kind, f.pointer)}" aria-describedby="${describedBy}"${labelledBy ? h` aria-labelledby="${labelledBy}"` : ''}${attr(invalid, 'aria-invalid="true"')}${attr(ctx.off, 'disabled')}`;
}

function textControl(f: FieldSpec, ctx: RenderCtx, kind: Kind, value: string, long: boolean, side: '' | ':en' = '', extra: Html | '' = ''): Html {
  const lang = side ? raw(' lang="en"') : '';
  if (long) return h`<textarea class="input long" rows="${Math.min(12, Math.max(3, value.split('\n').length + 1))}" ${common(f, ctx, kind, side)}${lang}>${value}</textarea>`;
  return h`<input class="input" type="text" value="${value}" ${common(f, ctx, kind, side)}${lang}${extra}>`;
}

/** Chinese and (when shown) English sides of text. */
function bilingual(f: FieldSpec, ctx: RenderCtx, kinds: [Kind, Kind], long: boolean, read: (side: 'zh' | 'en') => string): Html {
  const en = h`<div class="en-side"><label class="sub" id="${idOf('l', f.pointer, ctx)}" for="${idOf('f', f.pointer, ctx)}:en">${t(ctx.lang, 'englishSide')}</label>${textControl(f, ctx, kinds[1], read('en'), long, ':en')}</div>`;
  return h`<div class="bi">${textControl(f, ctx, kinds[0], read('zh'), long)}${en}</div>`;
}

function select(f: FieldSpec, ctx: RenderCtx, options: Scalar[], kind: Kind): Html {
  const current = f.value === undefined ? '' : String(f.value);
  const opts = options.map((o) => h`<option value="${String(o)}"${attr(String(o) === current, 'selected')}>${labelOf(ctx, f.path, o)}</option>`);
  return h`<select class="input" ${common(f, ctx, kind)}><option value="">${t(ctx.lang, 'choose')}</option>${opts}</select>`;
}

/** The control of a field (what goes beside its label, or into its table cell). */
function control(f: FieldSpec, ctx: RenderCtx): Html {
  const n = f.node;
  switch (n.type) {
    case 'text':
      if (n.bilingual) return bilingual(f, ctx, ['bz', 'be'], n.long, (side) => textOf(f.value, side));
      return textControl(f, ctx, 't', textOf(f.value), n.long, '', n.date ? h` placeholder="${t(ctx.lang, 'datePlaceholder')}" autocomplete="off" data-date` : '');
    case 'number': {
      const unit = n.unit ? h`<span class="unit">${t(ctx.lang, n.unit === 'wan' ? 'unitWan' : 'unitPercent')}</span>` : '';
      return h`<span class="with-unit">${textControl(f, ctx, 'n', textOf(f.value), false, '', raw(` inputmode="${n.integer ? 'numeric' : 'decimal'}" data-number`))}${unit}</span>`;
    }
    case 'value':
      if (n.bilingual) return bilingual(f, ctx, ['vz', 've'], false, (side) => textOf(f.value, side));
      return textControl(f, ctx, 'v', textOf(f.value), false);
    case 'choice':
      return select(f, ctx, n.options, n.options.some((o) => typeof o === 'number') ? 'v' : 's');
    case 'bool':
      return h`<input type="hidden" name="${fieldName('c', f.pointer)}" value="false"${attr(ctx.off, 'disabled')}><input class="check" type="checkbox" value="true"${attr(f.value === true, 'checked')} ${common(f, ctx, 'c')}>`;
    case 'lines': {
      const kinds: [Kind, Kind] = n.bilingual ? ['lz', 'le'] : ['l', 'le'];
      if (!n.bilingual) return textControl(f, ctx, kinds[0], linesOf(f.value), true);
      return bilingual(f, ctx, kinds, true, (side) => linesOf(f.value, side));
    }
    case 'multi': {
      const chosen = Array.isArray(f.value) ? f.value.map(String) : [];
      const boxes = n.options.map(
        (o, i) =>
          h`<label class="choice"><input type="checkbox" name="${fieldName('m', f.pointer)}" value="${o}" id="${idOf('f', f.pointer, ctx)}${i ? `:${i}` : ''}"${attr(chosen.includes(o), 'checked')}${attr(ctx.off, 'disabled')}> ${labelOf(ctx, f.path, o)}</label>`,
      );
      return h`<div class="choices">${boxes}</div>`;
    }
    default:
      return h`<textarea class="input" ${common(f, ctx, 'j')}>${f.value === undefined ? '' : JSON.stringify(f.value)}</textarea>`;
  }
}

export function errorMessage(pointer: string, ctx: RenderCtx): Html {
  const message = ctx.errors.get(pointer);
  return h`<p class="error-message" id="${idOf('e', pointer, ctx)}"${attr(!message, 'hidden')}>${message ?? ''}</p>`;
}

/** A field outside tables: label (or legend for a group of checkboxes), help, error, control. */
export function field(f: FieldSpec, ctx: RenderCtx): Html {
  const title = titleOf(ctx, f.path);
  const help = fieldHelp(ctx.scope, f.path, ctx.lang);
  const lines = f.node.type === 'lines' ? t(ctx.lang, 'linesHint') : '';
  const hint = h`<div class="hint" id="${idOf('h', f.pointer, ctx)}">${help ?? ''}${help && lines ? ' ' : ''}${lines}</div>`;
  const optional = f.required ? '' : h` <span class="optional">${t(ctx.lang, 'optional')}</span>`;
  const cls = `field field-${f.node.type}${ctx.errors.has(f.pointer) ? ' has-error' : ''}`;
  if (f.node.type === 'multi' || f.node.type === 'bool') {
    const label = f.node.type === 'bool' ? h`<label class="check-label" for="${idOf('f', f.pointer, ctx)}">${title}${optional}</label>` : '';
    const body = f.node.type === 'bool' ? h`<div class="check-row">${control(f, ctx)}${label}</div>` : control(f, ctx);
    const legend = f.node.type === 'multi' ? h`<legend>${title}${optional}</legend>` : '';
    const tag = f.node.type === 'multi' ? 'fieldset' : 'div';
    return h`<${raw(tag)} class="${cls}" data-ptr="${f.pointer}"${attr(f.required, 'data-req')}>${legend}${hint}${errorMessage(f.pointer, ctx)}${body}</${raw(tag)}>`;
  }
  return h`<div class="${cls}" data-ptr="${f.pointer}"${attr(f.required, 'data-req')}><label class="label" for="${idOf('f', f.pointer, ctx)}">${title}${optional}</label>${hint}${errorMessage(f.pointer, ctx)}${control(f, ctx)}</div>`;
}

/** A field inside a table cell: the control and its error, labelled by the column and the row. */
export function cell(f: FieldSpec, ctx: RenderCtx): Html {
  return h`<div class="field cell field-${f.node.type}${ctx.errors.has(f.pointer) ? ' has-error' : ''}" data-ptr="${f.pointer}"${attr(f.required, 'data-req')}>${control(f, ctx)}${errorMessage(f.pointer, ctx)}</div>`;
}
