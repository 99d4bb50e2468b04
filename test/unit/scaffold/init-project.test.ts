import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InitError, initProject } from '../../../lib/scaffold/init-project.js';
import type { PackageJson } from '../../../lib/scaffold/package-json.js';
import { ScaffoldConflictError } from '../../../lib/scaffold/scaffold-files.js';
import { type ScratchProject, scratchProject } from './scaffold-project.js';

let project: ScratchProject | undefined;
afterEach(() => project?.cleanup());

describe('switchboard init', () => {
  it('makes an empty folder a project: specs, config, ESM package.json with scripts and dependencies, CI', () => {
    project = scratchProject();
    const result = initProject(project.root);
    expect(result.written.sort()).toEqual([
      '.github/workflows/switchboard.yml',
      '.gitignore',
      'package.json',
      'specs/common.yaml',
      'specs/example-service.yaml',
      'switchboard.config.json',
      'tsconfig.json',
    ]);
    const pkg = project.json<PackageJson>('package.json');
    expect(pkg.type).toBe('module');
    // The services start the OpenTelemetry SDK (`switchboard/telemetry`): its packages are runtime dependencies.
    expect(pkg.dependencies).toEqual({
      '@opentelemetry/core': '^2.12.0',
      '@opentelemetry/exporter-prometheus': '^0.223.0',
      '@opentelemetry/exporter-trace-otlp-proto': '^0.223.0',
      '@opentelemetry/otlp-exporter-base': '^0.223.0',
      '@opentelemetry/resources': '^2.12.0',
      '@opentelemetry/sdk-metrics': '^2.12.0',
      '@opentelemetry/sdk-trace-node': '^2.12.0',
      fastify: '^5.6.0',
      switchboard: expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
    });
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(['@types/node', 'typescript']);
    expect(pkg.scripts?.test).toBe(
      "tsc -p tsconfig.json && files=$(find build/test -name '*.test.js' 2>/dev/null || true) && " +
        'if [ -z "$files" ]; then echo "no *.test.js files under build/test" >&2; exit 1; fi && node --test $files',
    );
    expect(pkg.overrides).toEqual({ 'light-my-request': '6.6.0' });
    expect(project.read('.github/workflows/switchboard.yml')).toContain('npx switchboard generate --check');
  });

  it('keeps scripts and overrides it did not write, replaces only npm init placeholder, and moves switchboard to dependencies', () => {
    project = scratchProject({
      'package.json': JSON.stringify({
        name: 'team',
        scripts: { build: 'my-build', test: 'echo "Error: no test specified" && exit 1' },
        devDependencies: { switchboard: '^0.1.0' },
        overrides: { 'light-my-request': '6.8.1', semver: '7.7.3' },
      }),
    });
    const result = initProject(project.root);
    const pkg = project.json<PackageJson>('package.json');
    expect(pkg.overrides).toEqual({ 'light-my-request': '6.8.1', semver: '7.7.3' });
    expect(result.keptScripts).toEqual(['build']);
    expect(pkg.scripts?.build).toBe('my-build');
    expect(pkg.scripts?.test).toContain('node --test');
    expect(result.movedToDependencies).toEqual(['switchboard']);
    expect(pkg.dependencies?.switchboard).toBe('^0.1.0');
    expect(pkg.devDependencies?.switchboard).toBeUndefined();
  });

  it('adds no light-my-request override to a project that depends on it itself (npm would refuse it)', () => {
    project = scratchProject({
      'package.json': JSON.stringify({ name: 'team', devDependencies: { 'light-my-request': '^6.8.1' } }),
    });
    initProject(project.root);
    expect(project.json<PackageJson>('package.json').overrides).toBeUndefined();
  });

  it('refuses, naming each, files it did not write, and writes nothing', () => {
    project = scratchProject({
      'specs/common.yaml': 'mine\n',
      '.github/workflows/switchboard.yml': 'mine too\n',
    });
    expect(() => initProject(project?.root ?? '')).toThrow(ScaffoldConflictError);
    expect(() => initProject(project?.root ?? '')).toThrow(
      /specs\/common\.yaml, \.github\/workflows\/switchboard\.yml/,
    );
    expect(project.read('specs/common.yaml')).toBe('mine\n');
    expect(existsSync(join(project.root, 'package.json'))).toBe(false);
    expect(readdirSync(join(project.root, 'specs'))).toEqual(['common.yaml']);
  });

  it('refuses a CommonJS package with .js files, with or without "type", and keeps its package.json', () => {
    for (const type of [undefined, 'commonjs']) {
      project?.cleanup();
      const pkg = JSON.stringify(type === undefined ? { name: 'cjs' } : { name: 'cjs', type });
      project = scratchProject({ 'package.json': pkg, 'src/index.js': 'require("fs");\n' });
      expect(() => initProject(project?.root ?? '')).toThrow(InitError);
      expect(project.read('package.json')).toBe(pkg);
    }
  });

  it('switches a CommonJS package without .js files to ESM', () => {
    project = scratchProject({ 'package.json': JSON.stringify({ name: 'fresh', type: 'commonjs' }) });
    initProject(project.root);
    expect(project.json<PackageJson>('package.json').type).toBe('module');
  });

  it('runs again without writing anything, and follows an existing config file', () => {
    project = scratchProject();
    initProject(project.root);
    expect(initProject(project.root).written).toEqual([]);
    project.write('switchboard.config.json', JSON.stringify({ specs: 'api' }));
    const again = initProject(project.root);
    expect(again.written).toContain('api/common.yaml');
    expect(again.written).not.toContain('api/example-service.yaml');
  });
});
