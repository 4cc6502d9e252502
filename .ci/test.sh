#!/usr/bin/env bash
# `npm test` runs every check and test; `npm run test:quick` skips the browser. Either way the
# last line is `tests: N passed, N failed` (typecheck and lint count as one test each).
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
quick=0
[ "${1:-}" = "--quick" ] && quick=1

rm -rf reports && mkdir -p reports

checks_passed=0
checks_failed=0
check() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "!! $name failed"; fi
}

# The simulator's suite drives Debian's openstack client against it (it is not part of the quick loop).
if [ "$quick" = 0 ] && ! command -v openstack >/dev/null; then
  echo "== installing Debian's python3-openstackclient (once)"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq python3-openstackclient >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=900 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq python3-openstackclient >/dev/null; }
fi

check typecheck npx tsc --noEmit
check lint npm run -s lint
echo "== unit, component and BFF tests (vitest)"
vitest_filter=()
[ "$quick" = 1 ] && vitest_filter=(--exclude 'src/simulator/cli/**')
npx vitest run "${vitest_filter[@]}" --reporter=default --reporter=json --outputFile.json=reports/unit.json

if [ "$quick" = 0 ]; then
  ensure_chromium
  echo "== end-to-end tests (playwright, $("$CHROMIUM_PATH" --version 2>/dev/null))"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/e2e.json" npx playwright test -c e2e --reporter=list,json
fi

e2e_report=reports/e2e.json
[ "$quick" = 1 ] && e2e_report=
summarize "$checks_passed" "$checks_failed" reports/unit.json "$e2e_report"
