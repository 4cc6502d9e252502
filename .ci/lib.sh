# Sourced by .ci/test.sh and .ci/test-real.sh.

# Playwright drives Debian's chromium; it never downloads a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

ensure_chromium() {
  if ! [ -x "$CHROMIUM_PATH" ]; then
    echo "== installing Debian's chromium (once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium fonts-liberation >/dev/null
  fi
}

# Prints the last line, `tests: N passed, N failed`, and fails when anything did (or nothing ran).
# usage: summarize CHECKS_PASSED CHECKS_FAILED VITEST_JSON PLAYWRIGHT_JSON; an empty path skips that runner,
# a missing report counts as a failure.
summarize() {
  CHECKS_PASSED=$1 CHECKS_FAILED=$2 UNIT_REPORT=$3 E2E_REPORT=$4 node -e '
const fs = require("fs");
let passed = Number(process.env.CHECKS_PASSED), failed = Number(process.env.CHECKS_FAILED);
const read = (file) => { try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch { return undefined; } };
if (process.env.UNIT_REPORT) {
  const unit = read(process.env.UNIT_REPORT);
  if (unit) {
    // A file that failed without a failing test (an import error, a crash in a hook) counts once;
    // a file with failing tests counts only those tests.
    const brokenFiles = unit.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")).length;
    let unitFailed = unit.numFailedTests + brokenFiles;
    if (!unit.success && unitFailed === 0) unitFailed = 1; // e.g. an unhandled error between tests
    passed += unit.numPassedTests;
    failed += unitFailed;
  }
  else { console.error("no vitest report"); failed += 1; }
}
if (process.env.E2E_REPORT) {
  const e2e = read(process.env.E2E_REPORT);
  if (e2e) { passed += e2e.stats.expected + e2e.stats.flaky; failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0); }
  else { console.error("no playwright report"); failed += 1; }
}
if (passed === 0) failed += 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);'
}
