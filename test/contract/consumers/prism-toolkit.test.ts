// The pieces of lib/contract/prism that need no running Prism.
import { describe, expect, it } from 'vitest';
import {
  mockableServices,
  prefer,
  preferCode,
  preferDynamic,
  preferExample,
  prismArgs,
  prismViolations,
} from '../../../lib/contract/prism/index.js';

describe('Prefer headers', () => {
  it('spells each scenario the way Prism parses it', () => {
    expect(preferCode(404)).toEqual({ Prefer: 'code=404' });
    expect(preferExample('revoked', 401)).toEqual({ Prefer: 'code=401, example=revoked' });
    expect(preferDynamic()).toEqual({ Prefer: 'dynamic=true' });
    expect(preferDynamic('7')).toEqual({ Prefer: 'dynamic=true, seed=7' });
    expect(prefer({})).toEqual({});
  });
});

describe('sl-violations', () => {
  it("reads Prism's header, and nothing from a response without one or with garbage", () => {
    const violation = { location: ['request', 'body'], severity: 'Error', code: 'required', message: 'm' };
    expect(prismViolations(new Headers({ 'sl-violations': JSON.stringify([violation]) }))).toEqual([
      violation,
    ]);
    expect(prismViolations(new Headers())).toEqual([]);
    expect(prismViolations(new Headers({ 'sl-violations': '{' }))).toEqual([]);
  });
});

describe('mockable services', () => {
  it('are the specs with paths; common.yaml is not one', async () => {
    const names = (await mockableServices('specs')).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['auth-service', 'notion-service', 'user-service']));
    expect(names).not.toContain('common');
  });
});

describe('the Prism command', () => {
  it('runs the CLI itself in one process, so its pid is the server', () => {
    const args = prismArgs({ specPath: 'specs/auth-service.yaml', port: 4010 });
    expect(args.find((a) => a.endsWith('prism-cli/dist/index.js'))).toBeDefined();
    expect(args).toContain('--multiprocess=false');
    expect(args.slice(-1)).toEqual(['specs/auth-service.yaml']);
  });
});
