// Groups, variants and lists of a generated form: optional groups with a switch, discriminated variants with radios,
// lists of rows as tables (add, remove, reorder, paste) or as cards, each list with a template for new rows.
import { fieldHelp, optionLabel } from '../../core/i18n/fields.ts';
import { attr, h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { fieldName, pointerOf, valueAt } from './codec.ts';
import type { Column, FieldNode, GroupNode, Prop, Scalar } from './model.ts';
import { cell, errorMessage, field, idOf, titleOf, type RenderCtx } from './render-fields.ts';

/** Where new rows are numbered before the page gives them their place. */
const NEW_ROW = '__new__';

const child = (pointer: string, key: string | number) => pointer + pointerOf([key]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const rootOf = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

export function renderProp(prop: Prop, parentPointer: string, parentValue: unknown, ctx: RenderCtx): Html {
  const pointer = child(parentPointer, prop.key);
  const value = isObject(parentValue) ? parentValue[prop.key] : undefined;
  return renderNode(prop.node, { path: prop.path, pointer, required: prop.required, value }, ctx);
}

interface At {
  path: string;
  pointer: string;
  required: boolean;
  value: unknown;
}

function renderNode(node: FieldNode, at: At, ctx: RenderCtx): Html {
  switch (node.type) {
    case 'group':
      return group(node, at, ctx);
    case 'variants':
      return variants(node, at, ctx);
    case 'table':
    case 'cards':
      return list(node, at, ctx);
    default:
      return field({ ...at, node }, ctx);
  }
}

function legendOf(at: At, ctx: RenderCtx): Html {
  const help = fieldHelp(ctx.scope, at.path, ctx.lang);
  const optional = at.required ? '' : h` <span class="optional">${t(ctx.lang, 'optional')}</span>`;
  return h`<legend class="group-title">${titleOf(ctx, at.path)}${optional}</legend>${help ? h`<div class="hint" id="${idOf('h', at.pointer, ctx)}">${help}</div>` : ''}`;
}

/** The switch of an optional part: checked when the part is there; unchecked, its inputs submit nothing. */
function presence(at: At, ctx: RenderCtx, present: boolean): Html {
  return h`<div class="check-row presence"><input class="check" type="checkbox" id="${idOf('p', at.pointer, ctx)}" data-presence aria-controls="${idOf('g', at.pointer, ctx)}"${attr(present, 'checked')}${attr(ctx.off, 'disabled')}><label for="${idOf('p', at.pointer, ctx)}">${t(ctx.lang, 'include')}</label></div>`;
}

function group(node: GroupNode, at: At, ctx: RenderCtx, skip?: string): Html {
  const present = at.value !== undefined;
  const off = ctx.off || (!at.required && !present);
  const inner = { ...ctx, off };
  const props = node.props.filter((p) => p.key !== skip).map((p) => renderProp(p, at.pointer, at.value, inner));
  const marker = h`<input type="hidden" name="${fieldName('o', at.pointer)}" value=""${attr(off, 'disabled')}>`;
  const body = h`<div class="group-body" id="${idOf('g', at.pointer, ctx)}"${attr(!at.required && !present, 'data-off hidden')}>${marker}${props}</div>`;
  return h`<fieldset class="group${at.required ? '' : ' optional'}" data-ptr="${at.pointer}"${attr(!at.required, 'data-optional')}>${legendOf(at, ctx)}${errorMessage(at.pointer, ctx)}${at.required ? '' : presence(at, ctx, present)}${body}</fieldset>`;
}

type Variants = Extract<FieldNode, { type: 'variants' }>;

function variants(node: Variants, at: At, ctx: RenderCtx): Html {
  const current = isObject(at.value) ? at.value[node.discriminator] : undefined;
  const dPointer = child(at.pointer, node.discriminator);
  const dPath = `${at.path}.${node.discriminator}`;
  const radios = node.variants.map(({ value }) => {
    const id = `${idOf('f', dPointer, ctx)}=${String(value)}`;
    return h`<label class="choice" for="${id}"><input type="radio" id="${id}" name="${fieldName('j', dPointer)}" value="${JSON.stringify(value)}" data-variant-switch${attr(current === value, 'checked')}${attr(ctx.off, 'disabled')}> ${optionText(ctx, dPath, value)}</label>`;
  });
  const bodies = node.variants.map(({ value, group: g }) => {
    const active = current === value;
    const inner = { ...ctx, off: ctx.off || !active, suffix: `${ctx.suffix}@${String(value)}` };
    const props = g.props.filter((p) => p.key !== node.discriminator).map((p) => renderProp(p, at.pointer, at.value, inner));
    return h`<div class="variant" data-variant="${JSON.stringify(value)}"${attr(!active, 'data-off hidden')}>${props}</div>`;
  });
  const marker = h`<input type="hidden" name="${fieldName('o', at.pointer)}" value=""${attr(ctx.off, 'disabled')}>`;
  const chooser = h`<fieldset class="field radios" data-ptr="${dPointer}" data-req><legend>${titleOf(ctx, dPath)}</legend>${errorMessage(dPointer, ctx)}<div class="choices">${radios}</div></fieldset>`;
  return h`<fieldset class="group variants" data-ptr="${at.pointer}" data-variants>${legendOf(at, ctx)}${errorMessage(at.pointer, ctx)}${marker}${chooser}${bodies}</fieldset>`;
}

function optionText(ctx: RenderCtx, path: string, value: Scalar): string {
  if (typeof value === 'boolean') return t(ctx.lang, value ? 'yes' : 'no');
  return optionLabel(ctx.scope, path, value, ctx.lang) ?? String(value);
}

type ListNode = Extract<FieldNode, { type: 'table' | 'cards' }>;

function rowButtons(ctx: RenderCtx, n: number | string): Html {
  const num = h`<span data-rownum>${n}</span>`;
  const label = (key: 'moveUp' | 'moveDown' | 'removeRow') => {
    const [before, after] = t(ctx.lang, key, { n: '\u0000' }).split('\u0000');
    return h`<span class="visually-hidden">${before}${num}${after}</span>`;
  };
  const dis = attr(ctx.off, 'disabled');
  return h`<button type="button" class="icon" data-act="up"${dis}><span aria-hidden="true">↑</span>${label('moveUp')}</button><button type="button" class="icon" data-act="down"${dis}><span aria-hidden="true">↓</span>${label('moveDown')}</button><button type="button" class="icon danger" data-act="remove"${dis}><span aria-hidden="true">✕</span>${label('removeRow')}</button>`;
}

const columnId = (arrPointer: string, col: Column, ctx: RenderCtx) => `${idOf('c', arrPointer, ctx)}|${col.keys.join('.')}`;

function tableRow(node: Extract<ListNode, { type: 'table' }>, arr: At, index: number | string, value: unknown, ctx: RenderCtx): Html {
  const rowPointer = child(arr.pointer, index);
  const rowNum = idOf('rn', rowPointer, ctx);
  const cells = node.columns.map((col, i) => {
    const pointer = rowPointer + pointerOf(col.keys);
    const v = valueAt(rootOf(value), pointerOf(col.keys));
    const inner = { ...ctx, cell: { labelledBy: `${columnId(arr.pointer, col, ctx)} ${rowNum}` } };
    return h`<td data-col="${i}">${cell({ path: col.path, pointer, required: col.required, node: col.node, value: v }, inner)}</td>`;
  });
  const markers = [...new Set(node.columns.filter((c) => c.keys.length > 1).map((c) => c.keys[0]!))].map((k) => h`<input type="hidden" name="${fieldName('o', child(rowPointer, k))}" value=""${attr(ctx.off, 'disabled')}>`);
  const n = typeof index === 'number' ? index + 1 : '';
  return h`<tr data-row="${rowPointer}"><th scope="row" class="rownum" id="${rowNum}"><span data-rownum>${n}</span><input type="hidden" name="${fieldName('o', rowPointer)}" value=""${attr(ctx.off, 'disabled')}>${markers}</th>${cells}<td class="row-actions">${rowButtons(ctx, n)}</td></tr>`;
}

function card(node: Extract<ListNode, { type: 'cards' }>, arr: At, index: number | string, value: unknown, ctx: RenderCtx): Html {
  const rowPointer = child(arr.pointer, index);
  const n = typeof index === 'number' ? index + 1 : '';
  const itemAt: At = { path: `${arr.path}.*`, pointer: rowPointer, required: true, value };
  const body =
    node.item.type === 'group'
      ? h`<input type="hidden" name="${fieldName('o', rowPointer)}" value=""${attr(ctx.off, 'disabled')}>${node.item.props.map((p) => renderProp(p, rowPointer, value, ctx))}`
      : variants(node.item, itemAt, ctx);
  return h`<fieldset class="card" data-row="${rowPointer}"><legend class="card-title">${titleOf(ctx, arr.path)} <span data-rownum>${n}</span></legend>${body}<div class="row-actions">${rowButtons(ctx, n)}</div></fieldset>`;
}

function list(node: ListNode, at: At, ctx: RenderCtx): Html {
  const items = Array.isArray(at.value) ? at.value : [];
  const row = (i: number | string, v: unknown, c: RenderCtx) => (node.type === 'table' ? tableRow(node, at, i, v, c) : card(node, at, i, v, c));
  const rows = items.map((v, i) => row(i, v, ctx));
  const template = h`<template data-row-template>${row(NEW_ROW, undefined, { ...ctx, off: false })}</template>`;
  const marker = h`<input type="hidden" name="${fieldName('a', at.pointer)}" value=""${attr(ctx.off, 'disabled')}>`;
  const add = h`<button type="button" class="secondary" data-act="add"${attr(ctx.off, 'disabled')}>${t(ctx.lang, node.type === 'table' ? 'addRow' : 'addItem')}</button>`;
  const help = node.type === 'table' ? h`<div class="hint">${t(ctx.lang, 'pasteHint')}</div>` : '';
  let body: Html;
  if (node.type === 'table') {
    const heads = node.columns.map((col) => h`<th scope="col" id="${columnId(at.pointer, col, ctx)}">${titleOf(ctx, col.path)}${col.required ? '' : h` <span class="optional">${t(ctx.lang, 'optional')}</span>`}</th>`);
    // A wide table scrolls sideways: the region takes the focus so a keyboard can scroll it too.
    body = h`<div class="table-wrap" role="region" tabindex="0" aria-label="${titleOf(ctx, at.path)}"><table class="rows"><thead><tr><th scope="col" class="rownum">${t(ctx.lang, 'row')}</th>${heads}<th scope="col"><span class="visually-hidden">${t(ctx.lang, 'rowActions')}</span></th></tr></thead><tbody data-rows>${rows}</tbody></table></div>`;
  } else body = h`<div class="cards" data-rows>${rows}</div>`;
  return h`<fieldset class="group list list-${node.type}" data-ptr="${at.pointer}" data-arr="${at.pointer}"${attr(at.required, 'data-req')}>${legendOf(at, ctx)}${help}${errorMessage(at.pointer, ctx)}${marker}${body}${template}${add}</fieldset>`;
}

