#!/usr/bin/env bash
# `npm test` — the README's test command, and what CI runs on a clean clone (as root, no
# services running). It installs what the integration tests need when it is missing (Dovecot,
# Chromium, xmllint, systemd-analyze; the tests start and stop their own throwaway servers), type-checks, builds, runs
# every vitest suite, then the real-world corpus when ../shared/corpus is there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh dovecot chromium xmllint systemd-analyze
npx tsc -p tsconfig.json
npm run --silent build
npx vitest run
if [ -d ../shared/corpus ]; then
  npx tsx scripts/test-corpus.ts ../shared/corpus
else
  echo "test:corpus skipped: ../shared/corpus is not here"
fi
