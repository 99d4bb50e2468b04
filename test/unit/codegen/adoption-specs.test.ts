import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeExample, ServiceSpec } from '../../../lib/client/index.js';
import type { RouteTable } from '../../../lib/server/index.js';
import { type AdoptionOutput, generateAdoption } from '../../fixtures/codegen/adoption/generate-adoption.js';

// What the generator makes of constructs it used to refuse (wire-service, outline-service); the HTTP
// behaviour is in adoption-roundtrip.test.ts, the types in adoption-types.test.ts.

let out: AdoptionOutput;
let routes: RouteTable;
let spec: ServiceSpec;
let document: Record<string, unknown>;

beforeAll(async () => {
  out = await generateAdoption();
  routes = (await out.load<{ wireServiceRoutes: RouteTable }>('wire-service/server.ts')).wireServiceRoutes;
  spec = (await out.load<{ wireServiceSpec: ServiceSpec }>('wire-service/client.ts')).wireServiceSpec;
  document = (await out.load<{ wireServiceDocument: Record<string, unknown> }>('wire-service/document.ts'))
    .wireServiceDocument;
});

afterAll(() => out?.cleanup());

describe('status ranges', () => {
  it('route schemas key a range as Fastify looks it up (4xx); a range without a body has none', () => {
    expect(Object.keys(routes.getMember?.schema.response ?? {})).toEqual(['200', '404', '4xx', 'default']);
    expect(Object.keys(routes.startJob?.schema.response ?? {})).toEqual(['409', '2xx', '4xx']);
  });

  it('the client table lists numeric statuses and range classes apart', () => {
    expect(spec.operations.getMember).toMatchObject({
      statuses: [200, 404],
      ranges: [4, 5],
      hasDefault: true,
    });
    expect(spec.operations.startJob).toMatchObject({ statuses: [409], ranges: [2, 4], hasDefault: false });
  });

  it('a range excludes the statuses listed on their own, in the Result and the handler reply', () => {
    expect(out.read('wire-service/client.ts')).toContain(
      "HttpError<StatusInRange<4, 404>, GetMemberOp['responses']['4XX']['content']['application/json']>",
    );
    expect(out.read('wire-service/client.ts')).toContain(
      "Success<StatusInRange<2>, StartJobOp['responses']['2XX']['content']['application/json']>",
    );
    expect(out.read('wire-service/server.ts')).toContain('{ status: StatusInRange<5>; body?: undefined;');
  });

  it('the fake answers a 2XX-only operation with the first status of the range', async () => {
    const { wireServiceExamples } = await out.load<{
      wireServiceExamples: Record<string, FakeExample | null>;
    }>('wire-service/fake.ts');
    expect(wireServiceExamples.startJob).toEqual({ status: 200, value: { jobId: 'job-1' } });
  });
});

describe('cookie parameters and path parameter names', () => {
  it('routes `{enterprise-team}` and `{member.id}` under routable names and maps them back', () => {
    expect(routes.getMember).toMatchObject({
      url: '/teams/:enterprise_team/members/:member_id',
      paramNames: { enterprise_team: 'enterprise-team', member_id: 'member.id' },
    });
    expect(Object.keys((routes.getMember?.schema.params as { properties: object }).properties)).toEqual([
      'enterprise_team',
      'member_id',
    ]);
    expect(routes.startJob).not.toHaveProperty('paramNames');
  });

  it('carries the cookie parameters as an open object schema with the required ones listed', () => {
    expect(routes.getMember?.cookies).toEqual({
      type: 'object',
      properties: {
        session: { type: 'string', maxLength: 64 },
        theme: { type: 'string', enum: ['dark', 'light'] },
        visits: { type: 'integer', minimum: 0 },
      },
      required: ['session'],
    });
    expect(routes.startJob).not.toHaveProperty('cookies');
    expect(out.read('wire-service/client.ts')).toContain(
      "cookies: NonNullable<GetMemberOp['parameters']['cookie']>;",
    );
  });
});

describe('refs the first generator could not follow', () => {
  it('leaves $refs inside extensions as written (a markdown file, a pointer to nothing)', () => {
    expect(document['x-topics']).toEqual([
      { title: 'Getting started', content: { $ref: './docs/getting-started.md' } },
    ]);
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/teams/{enterprise-team}/members/{member.id}']?.get?.['x-internal-notes']).toEqual({
      $ref: '#/nowhere/at/all',
    });
  });

  it('hoists a schema a ref reaches inside another (Tag/allOf/0, a response schema) into a component', () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.Tag).toMatchObject({ allOf: [{ $ref: '#/components/schemas/Tag_allOf_0' }, {}] });
    expect(schemas.Tag_allOf_0).toMatchObject({ required: ['label'] });
    expect(schemas.Problem).toEqual({
      $ref: '#/components/schemas/responses_Problem_content_application_json_schema',
    });
    const types = out.read('wire-service/types.ts');
    expect(types).toContain('tags: components["schemas"]["Tag_allOf_0"][];');
    expect(types).not.toMatch(/\["allOf"\]|\["content"\]\["application\/json"\]\["schema"\]/);
  });

  it('makes a schema that refers to itself outside components (outline-nodes.yaml#/Node) a component', () => {
    const types = out.read('outline-service/types.ts');
    expect(types).toContain('children?: components["schemas"]["Node"][];');
    expect(types).toContain('"application/json": components["schemas"]["Node"];');
  });
});

describe('webhooks and callbacks', () => {
  it('generates a receiving route table for a spec that has them, each at a default URL', async () => {
    const { hooksServiceWebhookRoutes } = await out.load<{ hooksServiceWebhookRoutes: RouteTable }>(
      'hooks-service/webhooks.ts',
    );
    expect(Object.values(hooksServiceWebhookRoutes).map((r) => [r.operationId, r.method, r.url])).toEqual([
      ['onPetAdded', 'POST', '/webhooks/petAdded'],
      ['deliverEvent', 'POST', '/callbacks/subscribe/onEvent'],
    ]);
    expect(hooksServiceWebhookRoutes.deliverEvent?.schema.body).toEqual({
      $ref: 'switchboard:hooks-service/Event',
    });
  });

  it('types a callback as a webhook named <operationId>.<callback> (openapi-typescript types webhooks only)', () => {
    expect(out.read('hooks-service/types.ts')).toMatch(/"subscribe\.onEvent": \{/);
    expect(out.read('hooks-service/webhooks.ts')).toContain(
      'type DeliverEventOp = webhooks["subscribe.onEvent"]["post"];',
    );
  });

  it('generates no webhooks.ts for a spec without them, and no client method for a receiver', () => {
    expect(() => out.read('wire-service/webhooks.ts')).toThrow(/ENOENT/);
    expect(out.read('hooks-service/client.ts')).not.toMatch(/deliverEvent|onPetAdded/);
  });
});
