import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyInputError, verifyProvider } from '../../../lib/contract/verify/index.js';
import { buggyGadgetApp, GADGET_SPEC, GADGET_TOKEN, goodGadgetApp } from './gadget-apps.js';

const apps: FastifyInstance[] = [];
let goodUrl: string;
let buggyUrl: string;

beforeAll(async () => {
  const good = await goodGadgetApp();
  const buggy = buggyGadgetApp();
  apps.push(good, buggy);
  goodUrl = await good.listen({ host: '127.0.0.1', port: 0 });
  buggyUrl = await buggy.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

describe('verifyProvider', () => {
  it('finds no violation in a correct provider, over every kind of case', async () => {
    const report = await verifyProvider({
      spec: GADGET_SPEC,
      baseUrl: goodUrl,
      token: GADGET_TOKEN,
      cases: 200,
      seed: 'good',
    });
    expect(report.operations.flatMap((op) => op.violations)).toEqual([]);
    expect(report.ok).toBe(true);
    const create = report.operations.find((op) => op.operationId === 'createGadget');
    expect(create?.kinds).toMatchObject({
      example: 1,
      valid: 100,
      invalid: 99,
      'no-auth': 3,
      'wrong-auth': 3,
    });
    expect(create?.statuses).toEqual({ 201: 101, 400: 99, 401: 6 });
    // The open operation gets no auth cases.
    expect(
      report.operations.find((op) => op.operationId === 'deleteGadget')?.kinds['no-auth'],
    ).toBeUndefined();
    expect(report.cases).toBe(206 + 206 + 200);
  });

  it('finds each kind of bug in a broken provider, with a curl line that reproduces it', async () => {
    const report = await verifyProvider({
      spec: GADGET_SPEC,
      baseUrl: buggyUrl,
      token: GADGET_TOKEN,
      cases: 200,
      seed: 'buggy',
      maxViolationsPerOperation: 1000,
    });
    expect(report.ok).toBe(false);
    const reasons = (id: string) =>
      report.operations.find((op) => op.operationId === id)?.violations.flatMap((v) => v.reasons) ?? [];
    expect(reasons('createGadget')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^201 body does not match the spec/),
        'expected 401 without credentials, got 201',
        'expected 401 with wrong credentials, got 201',
        'invalid request answered 201, expected a documented 4xx',
        '500 Internal Server Error',
      ]),
    );
    expect(reasons('getGadget')).toContain('undocumented status 418');
    expect(reasons('deleteGadget')).toContain('invalid request answered 204, expected a documented 4xx');
    const violation = report.operations[0]?.violations[0];
    expect(violation?.curl).toMatch(
      /^curl -sS -i -X POST http:\/\/127\.0\.0\.1:\d+\/internal\/gadgets\/gadgets /,
    );
    expect(violation?.curl).not.toContain(GADGET_TOKEN);
    for (const op of report.operations) expect(op.violations.length).toBe(op.violationCount);
  });

  it('replays exactly the same requests for the same seed', async () => {
    const run = async (seed: string) => {
      const report = await verifyProvider({
        spec: GADGET_SPEC,
        baseUrl: buggyUrl,
        token: GADGET_TOKEN,
        cases: 60,
        seed,
      });
      const create = report.operations[0];
      // 20 violations kept by default, all counted.
      expect(create?.violations.length).toBe(20);
      expect(create?.violationCount).toBeGreaterThan(20);
      return report.operations.map((op) =>
        op.violations.map((v) => [v.case, v.curl.replace(/:\d+\//, ':PORT/')]),
      );
    };
    expect(await run('replay')).toEqual(await run('replay'));
  });

  it('rejects unusable input with VerifyInputError', async () => {
    const verify = (o: Partial<Parameters<typeof verifyProvider>[0]>) =>
      verifyProvider({ spec: GADGET_SPEC, baseUrl: goodUrl, ...o });
    await expect(verify({ spec: 'no/such/spec.yaml' })).rejects.toThrow(VerifyInputError);
    await expect(verify({ baseUrl: 'ftp://x' })).rejects.toThrow(/not an http\(s\) URL/);
    await expect(verify({ cases: 0 })).rejects.toThrow(/cases must be/);
    await expect(verify({ operations: ['nope'] })).rejects.toThrow(/no operation nope/);
    await expect(verify({ baseUrl: 'http://127.0.0.1:9' })).rejects.toThrow(/cannot reach/);
  });
});
