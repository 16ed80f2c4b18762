#!/usr/bin/env bash
# `npm test`: every check that gates main, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium package"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

# The storage tests run against a real PostgreSQL server as well as the embedded database: start a
# throwaway one on loopback unless one is given (.ci/run starts its own the same way).
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_env="$(npx tsx scripts/postgres-server.ts start)"
  eval "$pg_env"
  trap 'npx tsx scripts/postgres-server.ts stop "$PG_TEST_DIR"' EXIT
  export TEST_DATABASE_URL
fi

npm run -s typecheck
npm run -s lint
npm run -s content:check > /dev/null || npm run -s content:check
mkdir -p .reports
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/unit.json
npm run -s build
npx playwright test
npx tsx scripts/test-summary.ts .reports/unit.json .reports/e2e.json
