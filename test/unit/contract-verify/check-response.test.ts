import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkResponse,
  createSchemaValidators,
  loadContract,
  type OperationContract,
} from '../../../lib/contract/verify/index.js';
import { GADGET_SPEC } from './gadget-apps.js';

let getGadget: OperationContract;
let deleteGadget: OperationContract;
const json = { 'content-type': 'application/json; charset=utf-8' };
const answer = (status: number, body: unknown, headers: Record<string, string> = json) => ({
  ok: true as const,
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const gadget = {
  id: 'g_1',
  createdAt: '2025-06-01T12:00:00Z',
  gadget: {
    name: 'abc',
    owner: 'a@example.com',
    kind: 'widget',
    size: 1,
    shape: { kind: 'square', side: 2 },
  },
};

beforeAll(() => {
  const contract = loadContract(GADGET_SPEC, createSchemaValidators());
  getGadget = contract.operations.find((o) => o.id === 'getGadget') as OperationContract;
  deleteGadget = contract.operations.find((o) => o.id === 'deleteGadget') as OperationContract;
});

describe('checkResponse', () => {
  const valid = { kind: 'valid' as const, credentialed: true };

  it('accepts a documented status whose body validates', () => {
    expect(checkResponse(getGadget, valid, answer(200, gadget))).toEqual([]);
    expect(checkResponse(getGadget, valid, answer(404, { error: 'Not found', code: 'NOT_FOUND' }))).toEqual(
      [],
    );
    expect(checkResponse(deleteGadget, valid, answer(204, '', {}))).toEqual([]);
  });

  it('refuses 500, undocumented statuses, unlisted 5xx and transport failures', () => {
    expect(checkResponse(getGadget, valid, answer(500, { error: 'x' }))).toEqual([
      '500 Internal Server Error',
    ]);
    expect(checkResponse(getGadget, valid, answer(418, { error: 'x' }))).toEqual(['undocumented status 418']);
    expect(checkResponse(getGadget, valid, answer(503, { error: 'x' }))).toEqual([
      '503 is a 5xx the spec does not list',
    ]);
    expect(checkResponse(getGadget, valid, { ok: false, error: 'ECONNRESET' })).toEqual([
      'no answer: ECONNRESET',
    ]);
  });

  it('refuses bodies that do not validate, do not parse, are not JSON, or are not documented', () => {
    const extra = { ...gadget, secret: 'leaked' };
    expect(checkResponse(getGadget, valid, answer(200, extra))[0]).toMatch(
      /200 body does not match the spec \(\/ must NOT have additional properties\)/,
    );
    expect(checkResponse(getGadget, valid, answer(200, '{"id":'))[0]).toMatch(/not JSON/);
    expect(checkResponse(getGadget, valid, answer(200, gadget, { 'content-type': 'text/html' }))[0]).toMatch(
      /content-type 'text\/html'/,
    );
    expect(checkResponse(deleteGadget, valid, answer(204, 'surprise', {}))[0]).toMatch(/documents none/);
  });

  it('expects 4xx for invalid requests and 401 without or with wrong credentials', () => {
    expect(checkResponse(getGadget, { kind: 'invalid', credentialed: true }, answer(200, gadget))).toEqual([
      'invalid request answered 200, expected a documented 4xx',
    ]);
    expect(
      checkResponse(getGadget, { kind: 'invalid', credentialed: true }, answer(404, { error: 'x' })),
    ).toEqual([]);
    expect(
      checkResponse(getGadget, { kind: 'no-auth', credentialed: true }, answer(404, { error: 'x' })),
    ).toEqual(['expected 401 without credentials, got 404']);
    expect(
      checkResponse(
        getGadget,
        { kind: 'wrong-auth', credentialed: true },
        answer(401, { error: 'Unauthorized' }),
      ),
    ).toEqual([]);
    expect(checkResponse(getGadget, valid, answer(401, { error: 'Unauthorized' }))).toEqual([
      'valid request with the configured credentials answered 401',
    ]);
    expect(
      checkResponse(
        getGadget,
        { kind: 'valid', credentialed: false },
        answer(401, { error: 'Unauthorized' }),
      ),
    ).toEqual([]);
  });
});
