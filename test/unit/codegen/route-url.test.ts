import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { fastifyUrl, routeParamNames } from '../../../lib/codegen/route-url.js';

describe('route names for path parameters', () => {
  it('keeps routable names and replaces every other character with "_"', () => {
    expect([...routeParamNames(['uid', 'enterprise-team', 'member.id', 'a b'])]).toEqual([
      ['uid', 'uid'],
      ['enterprise-team', 'enterprise_team'],
      ['member.id', 'member_id'],
      ['a b', 'a_b'],
    ]);
  });

  it('never gives two parameters one name', () => {
    expect([...routeParamNames(['org_id', 'org-id', 'org.id'])]).toEqual([
      ['org_id', 'org_id'],
      ['org-id', 'org_id_2'],
      ['org.id', 'org_id_3'],
    ]);
  });

  it('builds the Fastify URL with route names, literals after a parameter kept, ":" escaped', () => {
    const names = new Map([
      ['enterprise-team', 'enterprise_team'],
      ['Sid', 'Sid'],
      ['name', 'name'],
    ]);
    expect(fastifyUrl('/teams/{enterprise-team}/calls/{Sid}.json', names)).toBe(
      '/teams/:enterprise_team/calls/:Sid.json',
    );
    expect(fastifyUrl('/v1/{name}:cancel', names)).toBe('/v1/:name(^[^:]+)::cancel');
    expect(fastifyUrl('/v1/files:list', names)).toBe('/v1/files::list');
  });

  it('routes what those URLs promise in Fastify itself', async () => {
    const app = Fastify();
    const names = new Map([
      ['enterprise-team', 'enterprise_team'],
      ['Sid', 'Sid'],
      ['name', 'name'],
    ]);
    for (const path of ['/teams/{enterprise-team}/calls/{Sid}.json', '/v1/{name}:cancel', '/v1/files:list'])
      app.get(fastifyUrl(path, names), (request) => request.params);
    const params = async (url: string) => (await app.inject({ url })).json();
    expect(await params('/teams/core-team/calls/CA1.json')).toEqual({
      enterprise_team: 'core-team',
      Sid: 'CA1',
    });
    expect(await params('/v1/job-7:cancel')).toEqual({ name: 'job-7' });
    expect(await params('/v1/files:list')).toEqual({});
    await app.close();
  });
});
