import type { RawChange } from './change.js';
import type { OperationView } from './operations.js';
import { diffParameters } from './parameters-diff.js';
import { diffRequestBody } from './request-body-diff.js';
import { diffResponses } from './responses-diff.js';
import { type Json, schemaContext } from './schema-context.js';
import { diffSecurity } from './security-diff.js';

/**
 * Compares two versions of one operation: identity and deprecation, security, parameters and request body
 * (request direction), responses (response direction). Documentation (summary, description, examples) is
 * never compared.
 */
export function diffOperation(
  baseDoc: Json,
  headDoc: Json,
  base: OperationView,
  head: OperationView,
): RawChange[] {
  const operation = head.label;
  const out: RawChange[] = [];
  const { operationId: baseId } = base.operation;
  const { operationId: headId } = head.operation;
  if (baseId !== undefined && headId !== undefined && baseId !== headId) {
    const message = `operationId changed from '${String(baseId)}' to '${String(headId)}' (generated method renamed)`;
    out.push({
      operation,
      kind: 'operation-id-changed',
      message,
      breaking: false,
      at: [...head.at, 'operationId'],
    });
  }
  if (base.operation.deprecated !== true && head.operation.deprecated === true) {
    out.push({
      operation,
      kind: 'operation-deprecated',
      message: 'operation deprecated',
      breaking: false,
      at: [...head.at, 'deprecated'],
    });
  }
  out.push(...diffSecurity(baseDoc, headDoc, base, head));
  const request = schemaContext('request', baseDoc, headDoc);
  out.push(...diffParameters(request, base, head));
  out.push(...diffRequestBody(request, base, head));
  out.push(...diffResponses(schemaContext('response', baseDoc, headDoc), base, head));
  return out;
}
