#!/bin/sh
# Entry point of a service image (deploy/docker/Dockerfile). `exec` so that the Node process gets
# SIGTERM directly and shuts down gracefully (drains NATS, stops the outbox relay).
set -eu
case "${1:-serve}" in
  serve) exec node -r @swc-node/register "apps/${SERVICE}/src/main.ts" ;;
  migrate) exec node -r @swc-node/register "apps/${SERVICE}/src/migrate.ts" ;;
  *) exec "$@" ;;
esac
