import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../lib/contract/verify/build-request.js';
import {
  checkResponse,
  createSchemaValidators,
  loadContract,
  type OperationContract,
  SeededRandom,
} from '../../../lib/contract/verify/index.js';
import { generateDraft, toParamValues } from '../../../lib/contract/verify/request-drafts.js';
import { ADOPTION_SPECS } from '../../fixtures/codegen/adoption/generate-adoption.js';

// Provider verification on wire-service: status ranges judge answers, cookie parameters are sent in the
// Cookie header, path parameters named `enterprise-team` and `member.id` fill their template.

let getMember: OperationContract;
let startJob: OperationContract;
const valid = { kind: 'valid' as const, credentialed: true };
const answer = (status: number, body: unknown) => ({
  ok: true as const,
  status,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

beforeAll(() => {
  const contract = loadContract(join(ADOPTION_SPECS, 'wire-service.yaml'), createSchemaValidators());
  const find = (id: string) => contract.operations.find((o) => o.id === id) as OperationContract;
  getMember = find('getMember');
  startJob = find('startJob');
});

describe('verification with status ranges and cookie parameters', () => {
  it('judges an unlisted status by its range, a listed one by its own schema', () => {
    expect(checkResponse(getMember, valid, answer(418, { title: 'teapot', status: 418 }))).toEqual([]);
    expect(checkResponse(getMember, valid, answer(418, { error: 'teapot' }))[0]).toMatch(
      /^418 body does not match the spec/,
    );
    expect(checkResponse(getMember, valid, answer(404, { error: 'gone' }))).toEqual([]);
    expect(checkResponse(startJob, valid, answer(202, { jobId: 'j' }))).toEqual([]);
    expect(checkResponse(startJob, valid, answer(302, { jobId: 'j' }))).toEqual(['undocumented status 302']);
  });

  it('takes a 5xx of a documented 5XX range as documented, 500 never', () => {
    expect(checkResponse(getMember, valid, answer(503, undefined))).toEqual([]);
    expect(checkResponse(getMember, valid, answer(500, undefined))).toEqual(['500 Internal Server Error']);
    expect(checkResponse(startJob, valid, answer(503, undefined))).toEqual([
      '503 is a 5xx the spec does not list',
    ]);
  });

  it('sends generated cookie values in the Cookie header and fills renamed path parameters', () => {
    const draft = generateDraft(getMember, new SeededRandom('cookies'));
    expect(draft).toBeDefined();
    const params = toParamValues(getMember, draft?.params ?? new Map());
    expect(Object.keys(params.path)).toEqual(['enterprise_team', 'member_id']);
    expect(typeof params.cookie.session).toBe('string');
    const { actual } = buildRequest(
      'http://127.0.0.1:1',
      {},
      getMember,
      { kind: 'valid', label: 'valid', params, body: undefined, auth: { mode: 'valid' } },
      {},
    );
    const path = `/teams/${encodeURIComponent(params.path.enterprise_team ?? '')}/members/${params.path.member_id}`;
    expect(actual.url).toBe(`http://127.0.0.1:1${path}`);
    expect(actual.headers.cookie).toContain(`session=${encodeURIComponent(params.cookie.session ?? '')}`);
  });
});
