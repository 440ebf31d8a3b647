import * as ast from '../syntax/ast';
import { Definition, Reference, SpecModel } from '../model/model';
import { definitionsOf } from '../model/model';

/** An id under the cursor: where it is defined, or a reference to a definition. */
export type IdAt =
  | { readonly kind: 'definition'; readonly name: ast.Name; readonly definition: Definition }
  | { readonly kind: 'reference'; readonly name: ast.Name; readonly reference: Reference };

function inside(span: ast.Node['span'], offset: number): boolean {
  // The end counts too: a cursor just after `neet` is on `neet`.
  return span.start <= offset && offset <= span.end;
}

export function idAt(model: SpecModel, offset: number): IdAt | undefined {
  for (const definition of definitionsOf(model.file, model.uri)) {
    if (inside(definition.name.span, offset)) return { kind: 'definition', name: definition.name, definition };
  }
  const reference = model.references.find((r) => inside(r.name.span, offset));
  return reference && { kind: 'reference', name: reference.name, reference };
}

/** The definition an id under the cursor stands for, if any. */
export function definitionAt(model: SpecModel, offset: number): Definition | undefined {
  const at = idAt(model, offset);
  if (!at) return undefined;
  return at.kind === 'definition' ? at.definition : at.reference.target;
}

/** True when two definitions are the same one (same file, same place). */
export function sameDefinition(a: Definition, b: Definition): boolean {
  return a.uri === b.uri && a.name.span.start === b.name.span.start;
}
