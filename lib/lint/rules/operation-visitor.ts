import type { Oas3Visitor } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, type YamlMap } from './node-helpers.js';

/** Where an operation sits: its path template, HTTP method, path item and the root document. */
export interface OperationSite {
  path: string;
  method: string;
  /** The path item holding the operation (its `parameters` apply to the operation too). */
  pathItem: YamlMap;
  root: YamlMap;
}

/** Checks one operation; `ctx.location` points at the operation node. */
export type OperationCheck = (operation: YamlMap, ctx: UserContext, site: OperationSite) => void;

/** Checks the root document; `ctx.location` points at the root. */
export type RootCheck = (root: YamlMap, ctx: UserContext) => void;

/**
 * Builds a visitor that calls `check` for every operation (under `paths`, `webhooks` and
 * `components.pathItems`) with its path template and the root document at hand, and `onRoot`
 * (if given) once for the root document before any operation.
 */
export function visitOperations(check: OperationCheck, onRoot?: RootCheck): Oas3Visitor {
  let root: YamlMap = {};
  let path = '';
  let pathItem: YamlMap = {};
  return {
    Root: {
      enter(node: unknown, ctx: UserContext) {
        root = asMap(node);
        onRoot?.(root, ctx);
      },
    },
    PathItem: {
      enter(node: unknown, ctx: UserContext) {
        path = String(ctx.key);
        pathItem = asMap(node);
      },
      Operation(node: unknown, ctx: UserContext) {
        check(asMap(node), ctx, { path, method: String(ctx.key), pathItem, root });
      },
    },
  };
}
