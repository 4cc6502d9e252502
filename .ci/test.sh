#!/usr/bin/env bash
# `npm test` runs every check and test; `npm run test:quick` skips the browser. Either way the
# last line is `tests: N passed, N failed` (typecheck and lint count as one test each).
set -uo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
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
  if ! [ -x "$CHROMIUM_PATH" ]; then
    echo "== installing Debian's chromium (once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium fonts-liberation >/dev/null
  fi
  echo "== end-to-end tests (playwright, $("$CHROMIUM_PATH" --version 2>/dev/null))"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/e2e.json" npx playwright test -c e2e --reporter=list,json
fi

QUICK=$quick CHECKS_PASSED=$checks_passed CHECKS_FAILED=$checks_failed node -e '
const fs = require("fs");
let passed = Number(process.env.CHECKS_PASSED), failed = Number(process.env.CHECKS_FAILED);
const read = (file) => { try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch { return undefined; } };
const unit = read("reports/unit.json");
if (unit) { passed += unit.numPassedTests; failed += unit.numFailedTests + (unit.success ? 0 : unit.numFailedTestSuites); }
else { console.error("no vitest report"); failed += 1; }
if (process.env.QUICK !== "1") {
  const e2e = read("reports/e2e.json");
  if (e2e) { passed += e2e.stats.expected + e2e.stats.flaky; failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0); }
  else { console.error("no playwright report"); failed += 1; }
}
if (passed === 0) failed += 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);'
