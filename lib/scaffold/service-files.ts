import { posix } from 'node:path';
import { toCamel, toPascal } from '../codegen/naming.js';
import { TOOLKIT_PACKAGE } from '../codegen/toolkit-root.js';
import type { ProjectConfig } from './project-config.js';
import { renderTemplate } from './render-template.js';
import type { PlannedFile } from './scaffold-files.js';

/** The internal path prefix of a service: its name without a trailing `-service` (`billing-service` → `billing`). */
export function internalPrefix(name: string): string {
  return name.endsWith('-service') && name !== '-service' ? name.slice(0, -'-service'.length) : name;
}

function relativeImport(fromDir: string, to: string): string {
  const path = posix.relative(fromDir, to);
  return path.startsWith('.') ? path : `./${path}`;
}

/** Every name and path the service templates use. */
function templateVars(config: ProjectConfig, name: string, port: number): Record<string, string> {
  const serviceDir = posix.join(config.servicesDir, name);
  const generated = posix.join(config.out, name);
  return {
    name,
    port: String(port),
    prefix: internalPrefix(name),
    camel: toCamel(name),
    Pascal: toPascal(name),
    package: TOOLKIT_PACKAGE.name,
    specPath: posix.join(config.specs, `${name}.yaml`),
    generatedFromService: relativeImport(serviceDir, generated),
    generatedFromRoutes: relativeImport(posix.join(serviceDir, 'routes'), generated),
    generatedFromTest: relativeImport(config.testsDir, generated),
    serviceFromTest: relativeImport(config.testsDir, serviceDir),
    testModule: config.testRunner === 'vitest' ? 'vitest' : 'node:test',
  };
}

/** The spec of a new service, from the template: one internal greeting operation that passes the house lint. */
export function serviceSpecFile(config: ProjectConfig, name: string, port: number): PlannedFile {
  return {
    path: posix.join(config.specs, `${name}.yaml`),
    content: renderTemplate('service/spec.yaml', templateVars(config, name, port)),
  };
}

/** The implementation files of a new service: handlers, app, main and a test over real HTTP. */
export function serviceCodeFiles(config: ProjectConfig, name: string, port: number): PlannedFile[] {
  const vars = templateVars(config, name, port);
  const dir = posix.join(config.servicesDir, name);
  return [
    {
      path: posix.join(dir, 'routes', 'handlers.ts'),
      content: renderTemplate('service/handlers.ts.tmpl', vars),
    },
    { path: posix.join(dir, 'app.ts'), content: renderTemplate('service/app.ts.tmpl', vars) },
    { path: posix.join(dir, 'main.ts'), content: renderTemplate('service/main.ts.tmpl', vars) },
    {
      path: posix.join(config.testsDir, `${name}.test.ts`),
      content: renderTemplate('service/service.test.ts.tmpl', vars),
    },
  ];
}
