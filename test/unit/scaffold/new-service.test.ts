import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initProject } from '../../../lib/scaffold/init-project.js';
import { NewServiceError, newService } from '../../../lib/scaffold/new-service.js';
import {
  ConfigFileError,
  type ProjectConfig,
  readProjectConfig,
} from '../../../lib/scaffold/project-config.js';
import { ScaffoldConflictError } from '../../../lib/scaffold/scaffold-files.js';
import { type ScratchProject, scratchProject } from './scaffold-project.js';

let project: ScratchProject | undefined;
afterEach(() => project?.cleanup());

function initialised(): ScratchProject {
  project = scratchProject();
  initProject(project.root);
  return project;
}

describe('switchboard new service', () => {
  it('writes spec, handlers, app, main and test, and records the port after the highest one', () => {
    const p = initialised();
    const first = newService(p.root, 'billing-service');
    expect(first.port).toBe(3101);
    expect(first.written.sort()).toEqual([
      'services/billing-service/app.ts',
      'services/billing-service/main.ts',
      'services/billing-service/routes/handlers.ts',
      'specs/billing-service.yaml',
      'switchboard.config.json',
      'test/billing-service.test.ts',
    ]);
    expect(p.read('specs/billing-service.yaml')).toContain('/internal/billing/greetings/{name}');
    expect(p.read('services/billing-service/app.ts')).toContain(
      "from '../../generated/billing-service/server.js'",
    );
    expect(p.read('test/billing-service.test.ts')).toContain("from 'node:test'");
    expect(newService(p.root, 'ledger', 3200).port).toBe(3200);
    expect(newService(p.root, 'audit').port).toBe(3201);
    expect(readProjectConfig(p.root).services).toEqual({
      'billing-service': { port: 3101 },
      ledger: { port: 3200 },
      audit: { port: 3201 },
    });
  });

  it('adds the runtime dependencies a project set up earlier lacks (the OpenTelemetry SDK main.ts starts)', () => {
    const p = initialised();
    const pkg = JSON.parse(p.read('package.json')) as { dependencies: Record<string, string> };
    const sdk = '@opentelemetry/sdk-trace-node';
    expect(pkg.dependencies[sdk]).toBeDefined();
    const { [sdk]: _dropped, ...older } = pkg.dependencies;
    p.write('package.json', `${JSON.stringify({ ...pkg, dependencies: older, custom: 1 }, null, 2)}\n`);
    const result = newService(p.root, 'billing-service');
    expect(result.addedDependencies).toEqual([sdk]);
    expect(result.written).toContain('package.json');
    const after = JSON.parse(p.read('package.json')) as {
      dependencies: Record<string, string>;
      custom: number;
    };
    expect(after.dependencies[sdk]).toBe(pkg.dependencies[sdk]);
    expect(after.custom).toBe(1);
    expect(newService(p.root, 'ledger-service').addedDependencies).toEqual([]);
  });

  it("adds no dependency on the toolkit to the toolkit's own package.json", () => {
    const p = initialised();
    const pkg = JSON.parse(p.read('package.json')) as { dependencies: Record<string, string> };
    const { switchboard: _self, ...rest } = pkg.dependencies;
    p.write(
      'package.json',
      `${JSON.stringify({ ...pkg, name: 'switchboard', dependencies: rest }, null, 2)}\n`,
    );
    expect(newService(p.root, 'billing-service').addedDependencies).toEqual([]);
    expect(JSON.parse(p.read('package.json')).dependencies.switchboard).toBeUndefined();
  });

  it('refuses bad names, taken names (any spec extension, built-in keys) and taken ports, writing nothing', () => {
    const p = initialised();
    newService(p.root, 'billing');
    p.write('specs/inventory.yml', 'openapi: 3.1.0\n');
    const before = readdirSync(join(p.root, 'specs')).sort();
    for (const [name, port] of [
      ['Billing', undefined],
      ['9lives', undefined],
      ['billing', undefined],
      ['inventory', undefined],
      ['ledger', 3101],
      ['ledger', 70000],
    ] as const)
      expect(() => newService(p.root, name, port), `${name} ${port}`).toThrow(NewServiceError);
    expect(newService(p.root, 'constructor').port).toBe(3102);
    expect(readdirSync(join(p.root, 'specs')).sort()).toEqual([...before, 'constructor.yaml'].sort());
  });

  it('refuses when a file stands where a folder is needed, and leaves no file behind', () => {
    const p = initialised();
    p.write('services', 'a file, not a folder\n');
    expect(() => newService(p.root, 'billing')).toThrow(ScaffoldConflictError);
    expect(existsSync(join(p.root, 'specs', 'billing.yaml'))).toBe(false);
    expect(readProjectConfig(p.root).services).toEqual({});
  });

  it('uses the folders and test runner of the config file', () => {
    project = scratchProject({
      'switchboard.config.json': JSON.stringify({
        servicesDir: 'apps',
        testsDir: 'test/services',
        testRunner: 'vitest',
      }),
    });
    newService(project.root, 'billing');
    expect(project.read('test/services/billing.test.ts')).toContain("import { test } from 'vitest'");
    expect(project.read('test/services/billing.test.ts')).toContain("from '../../apps/billing/app.js'");
    expect((project.json<ProjectConfig>('switchboard.config.json') as ProjectConfig).servicesDir).toBe(
      'apps',
    );
  });

  it('names the field of a config file it cannot use', () => {
    project = scratchProject({
      'switchboard.config.json': JSON.stringify({ services: { '../x': { port: 1 } } }),
    });
    expect(() => newService(project?.root ?? '', 'billing')).toThrow(ConfigFileError);
    project.write('switchboard.config.json', JSON.stringify({ spec: 'typo' }));
    expect(() => readProjectConfig(project?.root)).toThrow("unknown field 'spec'");
    project.write('switchboard.config.json', '{ nope');
    expect(() => readProjectConfig(project?.root)).toThrow(/switchboard\.config\.json: not valid JSON/);
  });
});
