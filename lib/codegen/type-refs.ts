import { toPascal } from './naming.js';
import type { OperationModel, ParamModel, ResponseModel } from './operation-model.js';

/** TypeScript expressions that name parts of an operation inside openapi-typescript's `paths` type. */
export function opTypeName(op: OperationModel): string {
  return `${toPascal(op.id)}Op`;
}

/** The alias declaration that `opTypeName` refers to. */
export function opTypeAlias(op: OperationModel): string {
  return `type ${opTypeName(op)} = paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}];`;
}

/** The type of one parameter location (`path`, `query`, `header`), non-optional. */
export function paramsType(op: OperationModel, where: 'path' | 'query' | 'header'): string {
  return `NonNullable<${opTypeName(op)}['parameters']['${where}']>`;
}

/** The request body type, or undefined when the operation takes none. */
export function bodyType(op: OperationModel): string | undefined {
  if (op.body === undefined) return undefined;
  return `NonNullable<${opTypeName(op)}['requestBody']>['content'][${quote(op.body.contentType)}]`;
}

/** The body type of one response; `undefined` for a response without content. */
export function responseBodyType(op: OperationModel, r: ResponseModel): string {
  if (r.contentType === undefined) return 'undefined';
  return `${opTypeName(op)}['responses'][${r.status === 'default' ? "'default'" : r.status}]['content'][${quote(r.contentType)}]`;
}

/** Whether `params` holds a parameter of location `where`, and whether any of them is required. */
export function paramPresence(
  params: ParamModel[],
  where: ParamModel['in'],
): 'none' | 'optional' | 'required' {
  const list = params.filter((p) => p.in === where);
  if (list.length === 0) return 'none';
  return list.some((p) => p.required) ? 'required' : 'optional';
}

/** True for a status that counts as success (2xx). */
export function isSuccess(r: ResponseModel): r is ResponseModel & { status: number } {
  return r.status !== 'default' && r.status >= 200 && r.status < 300;
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
