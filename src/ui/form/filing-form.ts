// A whole generated form: the filing's input (without the project block) in sections that follow the document's
// chapters, or the project page's facts; the same model whether the page is rendered or its post is read back.
import type { FilingDefinition, FormPart } from '../../core/filings/index.ts';
import { inputJsonSchema } from '../../core/filings/json-schema.ts';
import { message } from '../../core/i18n/catalogue.ts';
import { ProjectFacts } from '../../core/workbench/project.ts';
import { attr, h, type Html } from '../html.ts';
import { t } from '../messages.ts';
import { fieldName, pointerOf } from './codec.ts';
import { nodeOf, propAt, type FieldNode, type GroupNode, type Scalar } from './model.ts';
import { errorMessage, type RenderCtx } from './render-fields.ts';
import { renderProp } from './render-form.ts';
import { fieldTitle, optionLabel } from '../../core/i18n/fields.ts';

const MODELS = new Map<string, FieldNode>();

/** The form model of a filing's whole input (cached: schemas do not change while the service runs). */
export function filingModel(def: Pick<FilingDefinition, 'id' | 'schema'>): FieldNode {
  let m = MODELS.get(def.id);
  if (!m) MODELS.set(def.id, (m = nodeOf(inputJsonSchema(def.schema))));
  return m;
}

function projectModel(): GroupNode {
  let m = MODELS.get('*');
  if (!m) MODELS.set('*', (m = nodeOf(inputJsonSchema(ProjectFacts))));
  return m as GroupNode;
}

export interface FormSection {
  id: string;
  title: string;
  body: Html;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The variant a discriminated input is in (the first when it says none), and its group. */
export function activeVariant(model: FieldNode, data: unknown): { group: GroupNode; variant?: Scalar; discriminator?: string; values: Scalar[] } {
  if (model.type === 'group') return { group: model, values: [] };
  if (model.type !== 'variants') return { group: { type: 'group', props: [] }, values: [] };
  const said = isObject(data) ? data[model.discriminator] : undefined;
  const found = model.variants.find((v) => v.value === said) ?? model.variants[0]!;
  return { group: found.group, variant: found.value, discriminator: model.discriminator, values: model.variants.map((v) => v.value) };
}

function kindSwitch(def: FilingDefinition, discriminator: string, values: Scalar[], current: Scalar | undefined, ctx: RenderCtx): Html {
  const pointer = pointerOf([discriminator]);
  const radios = values.map((v) => {
    const id = `f:${pointer}=${String(v)}`;
    return h`<label class="choice" for="${id}"><input type="radio" id="${id}" name="${fieldName('j', pointer)}" value="${JSON.stringify(v)}" data-kind-switch${attr(v === current, 'checked')}> ${optionLabel(def.id, discriminator, v, ctx.lang) ?? String(v)}</label>`;
  });
  return h`<fieldset class="field radios kind" data-ptr="${pointer}" data-req><legend>${t(ctx.lang, 'switchKind')}</legend>${errorMessage(pointer, ctx)}<div class="choices">${radios}</div><noscript><button type="submit" name="_action" value="save" class="secondary">${t(ctx.lang, 'save')}</button></noscript></fieldset>`;
}

/** The parts of the form under their chapters, for the variant the data is in. */
export function filingSections(def: FilingDefinition, data: unknown, ctx: RenderCtx): FormSection[] {
  const active = activeVariant(filingModel(def), data);
  const parts = (def.form ?? []).filter((p: FormPart) => p.variant === undefined || String(p.variant) === String(active.variant));
  const markers = new Set<string>();
  return parts.map((part) => {
    const bodies = part.keys.map((key) => {
      if (active.discriminator && key === active.discriminator) return kindSwitch(def, active.discriminator, active.values, active.variant, ctx);
      const prop = propAt(active.group, key);
      if (!prop) return '';
      const steps = key.split('.');
      const parentSteps = steps.slice(0, -1);
      const parentPointer = pointerOf(parentSteps);
      let parentValue: unknown = data;
      for (const s of parentSteps) parentValue = isObject(parentValue) ? parentValue[s] : undefined;
      // A part that shows one property of an object brings the object's marker once, so the object exists.
      const marker = parentSteps.length && !markers.has(parentPointer) ? (markers.add(parentPointer), h`<input type="hidden" name="${fieldName('o', parentPointer)}" value="">`) : '';
      return h`${marker}${renderProp(prop, parentPointer, parentValue, ctx)}`;
    });
    return { id: part.section, title: message(ctx.lang, `filings.${def.id}.sections.${part.section}`), body: h`${bodies}` };
  });
}

/** The project page's form: the project block and the milestones. */
export function projectSections(data: { project?: unknown; milestones?: unknown }, ctx: RenderCtx): FormSection[] {
  const model = projectModel();
  return model.props.map((prop) => ({
    id: prop.key,
    title: prop.key === 'project' ? t(ctx.lang, 'projectFacts') : (fieldTitle('*', prop.key, ctx.lang) ?? prop.key),
    body: renderProp(prop, '', data, ctx),
  }));
}
