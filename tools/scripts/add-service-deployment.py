#!/usr/bin/env python3
"""Adds a service's deployment blocks, copied from partners: docker-compose.yml, the Postgres
role in deploy/postgres/init.sql and deploy/k8s (CloudNativePG role, Deployment, Service, HPA,
PDB). Usage: python3 tools/scripts/add-service-deployment.py <service> <port>. Idempotent."""
import re
import shutil
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
service, port = sys.argv[1], sys.argv[2]
upper = service.upper()


def rename(text: str) -> str:
    return text.replace('partners', service).replace('PARTNERS', upper).replace('3001', port)


compose = root / 'docker-compose.yml'
text = compose.read_text()
if f'  {service}-migrate:' not in text:
    start = text.index('  partners-migrate:')
    end = text.index('\nvolumes:')
    # The partners block ends where the next service's marker (or the volumes) begins.
    next_marker = text.find('\n  # --- ', start)
    block_end = next_marker if 0 <= next_marker < end else end
    block = rename(text[start:block_end].rstrip()) + '\n'
    text = text[:end].rstrip() + f'\n\n  # --- {service} ---\n' + block + text[end:]
    text = text.replace(
        '      PARTNERS_DB_PASSWORD: ${PARTNERS_DB_PASSWORD:-partners-dev}\n',
        '      PARTNERS_DB_PASSWORD: ${PARTNERS_DB_PASSWORD:-partners-dev}\n'
        f'      {upper}_DB_PASSWORD: ${{{upper}_DB_PASSWORD:-{service}-dev}}\n',
    )
    compose.write_text(text)

init = root / 'deploy/postgres/init.sql'
text = init.read_text()
if f"INSERT INTO service_roles VALUES ('{service}'" not in text:
    match = re.search(r'-- -+ partners -+\n.*?\n-- -+\n', text, re.S)
    block = rename(match.group(0)).replace('-- ' + '-' * 5, '-- ' + '-' * 5, 1)
    text = text[: match.end()] + block + text[match.end():]
    init.write_text(text)

cluster = root / 'deploy/k8s/base/postgres/cluster.yaml'
text = cluster.read_text()
if f'CREATE ROLE {service} ' not in text:
    lines = [
        f'        - CREATE ROLE {service} LOGIN NOINHERIT',
        f'        - GRANT CONNECT, TEMPORARY, CREATE ON DATABASE bildungsraum TO {service}',
        f'        - CREATE SCHEMA IF NOT EXISTS {service} AUTHORIZATION {service}',
        f'        - ALTER ROLE {service} SET search_path = {service}, public',
    ]
    anchor = '        - ALTER ROLE partners SET search_path = partners, public\n'
    text = text.replace(anchor, anchor + '\n'.join(lines) + '\n')
    managed = re.search(r'      - name: partners\n(?:        .*\n)+', text)
    text = text[: managed.end()] + rename(managed.group(0)) + text[managed.end():]
    cluster.write_text(text)

k8s = root / 'deploy/k8s/base'
target = k8s / service
if not target.exists():
    shutil.copytree(k8s / 'partners', target)
    for file in target.iterdir():
        file.write_text(rename(file.read_text()))
    kustomization = k8s / 'kustomization.yaml'
    text = kustomization.read_text()
    text = text.replace('  - partners            # a new service', f'  - {service}\n  - partners            # a new service')
    text = text.rstrip() + f'\n  - name: bildungsraum/{service}\n    newTag: latest\n'
    kustomization.write_text(text)
print(f'{service}: deployment blocks in place (port {port})')
