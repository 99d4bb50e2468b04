import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callsOf, readSources } from '../../../lib/contract/diff/consumers.js';
import { attachConsumers, compareFolders, formatMarkdown } from '../../../lib/contract/diff/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, '../../fixtures/diff');
const show = (file: string) => relative(FIXTURES, file);

/** `file:line` of the first line of `file` (relative to the repository) containing `text`. */
function lineOf(file: string, text: string): string {
  const index = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  expect(index, `${text} in ${file}`).toBeGreaterThanOrEqual(0);
  return `${file}:${index + 1}`;
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('who a breaking change breaks', () => {
  it('names the llm-orchestrator call of a broken user-service operation, and says when nobody calls one', () => {
    const dir = join(FIXTURES, 'folders', 'user-service-operation-broken');
    const report = compareFolders(join(dir, 'base'), join(dir, 'head'), show);
    attachConsumers(report, ROOT);

    const keys = report.breaking.find((c) => c.operation === 'GET /internal/users/{uid}/llm-keys');
    expect(keys).toMatchObject({ kind: 'response-property-removed', method: 'getLlmKeys' });
    expect(keys?.consumers).toContain(
      lineOf('services/llm-orchestrator/domain/user-service-facade.ts', 'users.getLlmKeys('),
    );
    expect(keys?.consumers).toContain(
      lineOf('test/contract/consumers/llm-orchestrator.user-service.test.ts', 'users().getLlmKeys('),
    );
    expect(keys?.consumers?.every((c) => !c.startsWith('services/user-service/'))).toBe(true);

    const archive = report.breaking.find((c) => c.kind === 'path-removed');
    expect(archive).toMatchObject({ method: 'archiveUser', consumers: [] });
    const comment = formatMarkdown(report);
    expect(comment).toContain(
      `\`${lineOf('services/llm-orchestrator/domain/user-service-facade.ts', 'users.getLlmKeys(')}\``,
    );
    expect(comment).toMatch(/`path-removed` .* \| no consumer here calls it \|$/m);
  });

  it("counts only calls in files that import the service's client, outside its own folder, not in comments", () => {
    scratch = mkdtempSync(join(tmpdir(), 'switchboard-consumers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch ?? '', path)), { recursive: true });
      writeFileSync(join(scratch ?? '', path), text);
    };
    const client = "import type { OrdersClient } from '../../generated/orders/client.js';\n";
    write(
      'services/shop/cart.ts',
      `${client}// orders.getOrder(id) is cached\nawait orders.getOrder({ id });\n`,
    );
    write('services/shop/other.ts', 'await somethingElse.getOrder({ id });\n');
    write('services/orders/self.ts', `${client}await self.getOrder({ id });\n`);
    write('services/shop/node_modules/x.ts', `${client}await orders.getOrder({ id });\n`);
    write(
      'test/contract/consumers/shop.orders.test.ts',
      `${client}const r = await orders.getOrderLines({});\nawait orders.getOrder ({});\n`,
    );
    const files = readSources(scratch);
    expect(callsOf(files, 'orders', 'getOrder')).toEqual([
      'services/shop/cart.ts:3',
      'test/contract/consumers/shop.orders.test.ts:3',
    ]);
    expect(callsOf(files, 'orders', 'cancelOrder')).toEqual([]);
  });
});
