import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProvider } from '../../../lib/contract/verify/index.js';
import type { HandlerReply, HandlerRequest, RoutesPluginOptions } from '../../../lib/server/index.js';
import {
  FIXTURE_SPECS,
  type FixtureOutput,
  generateFixtures,
} from '../../fixtures/codegen/generate-fixtures.js';

// Verification of a spec with recursive schemas (tree-service): requests are generated from finite copies
// of the schemas, and requests and answers are validated against the recursive ones at any depth.
const TREE_SPEC = join(FIXTURE_SPECS, 'tree-service.yaml');
type AnyHandlers = Record<string, (request: HandlerRequest) => HandlerReply>;
type Plugin = (app: FastifyInstance, options: RoutesPluginOptions<AnyHandlers>) => Promise<void>;

const deepTree = (deepest: Record<string, unknown>) => ({
  name: 'root',
  children: [{ name: 'branch', children: [{ name: 'leaf', children: [], ...deepest }] }],
});

let out: FixtureOutput;
const apps: FastifyInstance[] = [];
let goodUrl: string;
let buggyUrl: string;

beforeAll(async () => {
  out = await generateFixtures();
  const plugin = (await out.load<Record<string, Plugin>>('tree-service/server.ts'))
    .treeServiceRoutesPlugin as Plugin;
  const trees = new Map<string, unknown>([['t1', deepTree({ note: null })]]);
  const good = Fastify();
  await good.register(plugin, {
    handlers: {
      getTree: ({ params }) => {
        const tree = trees.get((params as { treeId: string }).treeId);
        return tree === undefined
          ? { status: 404, body: { message: 'no such tree' } }
          : { status: 200, body: tree };
      },
      putTree: ({ params, body }) => {
        trees.set((params as { treeId: string }).treeId, body);
        return { status: 200, body };
      },
      matchPredicate: ({ body }) => ({ status: 200, body: { matched: false, predicate: body } }),
      getTreeItem: () => ({ status: 200, body: { sku: 'sku-1' } }),
    },
  });
  // No schemas: answers a tree whose third level breaks the spec (`children` missing).
  const buggy = Fastify();
  buggy.get('/trees/:treeId', async () => deepTree({ children: undefined, name: 'leaf' }));
  buggy.put('/trees/:treeId', async (request) => request.body);
  apps.push(good, buggy);
  goodUrl = await good.listen({ host: '127.0.0.1', port: 0 });
  buggyUrl = await buggy.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  out?.cleanup();
});

describe('verifyProvider on a spec with recursive schemas', () => {
  it('finds no violation in a correct provider, with valid and invalid generated trees', async () => {
    const report = await verifyProvider({
      spec: TREE_SPEC,
      baseUrl: goodUrl,
      cases: 40,
      seed: 'trees',
      extraCases: {
        getTree: [{ label: 'a stored 3-level tree', path: { treeId: 't1' } }],
        putTree: [{ label: 'a 3-level tree', path: { treeId: 't2' }, body: deepTree({ note: 'n' }) }],
      },
    });
    expect(report.operations.flatMap((op) => op.violations)).toEqual([]);
    const put = report.operations.find((op) => op.operationId === 'putTree');
    expect(put?.kinds.valid).toBeGreaterThan(15);
    expect(put?.statuses[200]).toBeGreaterThan(put?.kinds.valid ?? 0); // the extra 3-level tree too
    expect(put?.statuses[400]).toBeGreaterThan(15);
  });

  it('reports an answer whose third level breaks the recursive schema', async () => {
    const report = await verifyProvider({
      spec: TREE_SPEC,
      baseUrl: buggyUrl,
      cases: 4,
      seed: 'trees',
      operations: ['getTree'],
    });
    const reasons = report.operations[0]?.violations.flatMap((v) => v.reasons) ?? [];
    expect(reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^200 body does not match the spec.*children/)]),
    );
  });
});
