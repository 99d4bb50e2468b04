import type { Fail, ParamModel } from './operation-model.js';
import { routeParamNames } from './route-url.js';
import { UNSUPPORTED } from './spec-error.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

/**
 * Path-level then operation-level parameters (the latter win); path parameters get their route names.
 * A parameter described by `content` instead of `schema`, and a path parameter in the `matrix` or `label`
 * style, are unsupported.
 */
export function readParams(
  item: Json,
  op: Json,
  at: Segments,
  deref: (v: unknown) => Json,
  fail: Fail,
): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  const lists: [unknown, Segments][] = [
    [item.parameters, [...at.slice(0, -1), 'parameters']],
    [op.parameters, [...at, 'parameters']],
  ];
  for (const [list, listAt] of lists) {
    (Array.isArray(list) ? list : []).forEach((raw, i) => {
      const p = deref(raw);
      const where = p.in;
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') return;
      if (p.schema === undefined && typeof p.content === 'object' && p.content !== null) {
        fail(
          [...listAt, i],
          UNSUPPORTED,
          `${where} parameter '${String(p.name)}' is described by content (${Object.keys(p.content).join(', ')}), which cannot be generated`,
          'describe the parameter with a schema (and a style) instead',
        );
        return;
      }
      if (where === 'path' && (p.style === 'matrix' || p.style === 'label')) {
        fail(
          [...listAt, i],
          UNSUPPORTED,
          `path parameter '${String(p.name)}' has style ${p.style}; only the simple style can be routed`,
          'drop the style (simple is the default)',
        );
        return;
      }
      const name = where === 'header' ? String(p.name).toLowerCase() : String(p.name);
      byKey.set(`${where}:${name}`, {
        name,
        specName: String(p.name),
        in: where,
        required: p.required === true || where === 'path',
        schema: p.schema ?? {},
      });
    });
  }
  const params = [...byKey.values()];
  const routeNames = routeParamNames(params.filter((p) => p.in === 'path').map((p) => p.specName));
  for (const p of params) if (p.in === 'path') p.name = routeNames.get(p.specName) ?? p.name;
  return params;
}
