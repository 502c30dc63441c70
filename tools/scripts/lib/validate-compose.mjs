#!/usr/bin/env node
// Checks docker-compose.yml against the repository, since no Docker engine runs where the tests
// run (so `docker compose config` cannot): every build has its Dockerfile and exactly the build
// args that Dockerfile declares, SERVICE names an existing app, every environment variable of an
// app service is read somewhere in its code or the shared libraries, host ports are unique,
// depends_on targets and named volumes exist, mounted files exist.
//   node tools/scripts/lib/validate-compose.mjs [compose file]   → lists problems, exit 1 if any
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { repoRoot } from './paths.mjs';

/** `${NAME:-default}` → default, `${NAME}` → '' (what compose substitutes with NAME unset). */
const substituteDefaults = (value) => String(value).replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_, fallback) => fallback ?? '');

/** ARG names of a Dockerfile, and those without a default (which a build must pass). */
function dockerfileArgs(path) {
  const args = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = line.match(/^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)(=.*)?\s*$/);
    if (match) args.set(match[1], args.get(match[1]) || Boolean(match[2]));
  }
  return args;
}

/** All .ts sources under the given directories, tests excluded, as one string to search. */
function sourcesOf(dirs) {
  const chunks = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'test') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) chunks.push(readFileSync(path, 'utf8'));
    }
  };
  dirs.forEach(walk);
  return chunks.join('\n');
}

const asList = (value) => (Array.isArray(value) ? value : value ? Object.keys(value) : []);
const environmentNames = (environment) =>
  Array.isArray(environment) ? environment.map((entry) => String(entry).split('=')[0]) : Object.keys(environment ?? {});

/** Host port of a `ports` entry (`"127.0.0.1:${X:-5432}:5432"`, `"3001:3001"`, long syntax). */
function hostPort(entry) {
  if (typeof entry === 'object') return entry.published ? `${entry.host_ip ?? '0.0.0.0'}:${substituteDefaults(entry.published)}` : undefined;
  const parts = substituteDefaults(entry).split(':');
  if (parts.length === 1) return undefined; // container port only: docker picks a free host port
  const port = parts[parts.length - 2];
  return `${parts.length === 3 ? parts[0] : '0.0.0.0'}:${port}`;
}

/** Problems found in the compose file (empty when it is consistent). */
export function validateCompose(file = join(repoRoot, 'docker-compose.yml')) {
  const problems = [];
  let compose;
  try {
    compose = parse(readFileSync(file, 'utf8'), { merge: true });
  } catch (error) {
    return [`${file} is not valid YAML: ${error.message}`];
  }
  const base = dirname(file); // compose resolves relative paths against the file's directory
  const services = compose?.services ?? {};
  if (!Object.keys(services).length) problems.push('no services defined');
  const volumes = new Set(Object.keys(compose?.volumes ?? {}));
  const libSources = sourcesOf([join(repoRoot, 'libs')]);
  const seenPorts = new Map();

  for (const [name, service] of Object.entries(services)) {
    const where = `services.${name}`;
    if (!service.image && !service.build) problems.push(`${where}: neither image nor build`);
    if (service.build) {
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const context = resolve(base, build.context ?? '.');
      const dockerfile = join(context, build.dockerfile ?? 'Dockerfile');
      if (!existsSync(dockerfile)) problems.push(`${where}.build: ${dockerfile} does not exist`);
      else {
        const declared = dockerfileArgs(dockerfile);
        const given = environmentNames(build.args);
        for (const arg of given) if (!declared.has(arg)) problems.push(`${where}.build.args.${arg}: not an ARG of ${build.dockerfile}`);
        for (const [arg, hasDefault] of declared) {
          if (!hasDefault && !given.includes(arg)) problems.push(`${where}.build.args: ${arg} is required by ${build.dockerfile}`);
        }
      }
      const app = build.args && !Array.isArray(build.args) ? build.args.SERVICE : undefined;
      // The image's entry point runs apps/<SERVICE>/src/main.ts, or migrate.ts for `migrate`.
      const entry = [].concat(service.command ?? [])[0] === 'migrate' ? 'migrate.ts' : 'main.ts';
      if (app !== undefined && !existsSync(join(repoRoot, 'apps', app, 'src', entry))) {
        problems.push(`${where}.build.args.SERVICE: apps/${app}/src/${entry} does not exist`);
      }
      // Environment of an app service: every name must be read by its app or a shared library.
      const sources = app ? `${libSources}\n${sourcesOf([join(repoRoot, 'apps', app, 'src')])}` : libSources;
      for (const variable of environmentNames(service.environment)) {
        if (!new RegExp(`\\b${variable}\\b`).test(sources)) problems.push(`${where}.environment.${variable}: read nowhere in libs/ or apps/${app ?? '?'}/src`);
      }
    }
    for (const target of asList(service.depends_on)) {
      if (!services[target]) problems.push(`${where}.depends_on: no service "${target}"`);
      if (target === name) problems.push(`${where}.depends_on: depends on itself`);
    }
    for (const entry of service.ports ?? []) {
      const port = hostPort(entry);
      if (!port) continue;
      const number = port.split(':').pop();
      for (const [other, owner] of seenPorts) {
        const sameHostIp = other === port || (other.endsWith(`:${number}`) && (other.startsWith('0.0.0.0') || port.startsWith('0.0.0.0')));
        if (sameHostIp) problems.push(`${where}.ports: host port ${number} is also published by ${owner}`);
      }
      seenPorts.set(port, name);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (!source || source.includes('${')) continue; // configurable host paths are the operator's business
      if (source.startsWith('.') || source.startsWith('/')) {
        if (!existsSync(resolve(base, source))) problems.push(`${where}.volumes: ${source} does not exist`);
      } else if (!volumes.has(source)) problems.push(`${where}.volumes: named volume "${source}" is not declared under volumes`);
    }
    const condition = (target) => (Array.isArray(service.depends_on) ? undefined : service.depends_on?.[target]?.condition);
    for (const target of asList(service.depends_on)) {
      if (condition(target) === 'service_healthy' && services[target] && !services[target].healthcheck) {
        problems.push(`${where}.depends_on.${target}: waits for service_healthy, but ${target} has no healthcheck`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ? resolve(process.argv[2]) : undefined;
  if (file && !statSync(file, { throwIfNoEntry: false })) {
    console.error(`${file} does not exist`);
    process.exit(2);
  }
  const problems = validateCompose(file);
  if (problems.length) {
    console.error(`docker-compose.yml: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('docker-compose.yml: ok');
}
