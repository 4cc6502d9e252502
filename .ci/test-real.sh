#!/usr/bin/env bash
# `npm run test:real`: the contract suite and the e2e main path against a real OpenStack that is
# already running; it brings up nothing itself (README.md, "Testing against a real OpenStack").
# The last line is `tests: N passed, N failed`, as with `npm test`.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh

not_configured() {
  cat >&2 <<'WORDS'
npm run test:real needs a real OpenStack, and none is configured. Either
  - set the usual OS_* variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ...) and
    STACKDECK_TEST_CLOUD=env, or
  - name a clouds.yaml entry that has a user name and password: STACKDECK_TEST_CLOUD=mycloud (or OS_CLOUD=mycloud).
With Nova's legacy policies (Zed and older) also set NOVA_POLICY=legacy. The servers the tests act on
are created by the tests and deleted afterwards.
WORDS
  give_up
}

give_up() {
  echo 'README.md, "Testing against a real OpenStack", tells how to run one on this machine and test against it.' >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
}

# Plain OS_AUTH_URL or OS_CLOUD, as the openstack client takes them, name the cloud too.
if [ -z "${STACKDECK_TEST_CLOUD:-}" ]; then
  if [ -n "${OS_AUTH_URL:-}" ]; then STACKDECK_TEST_CLOUD=env
  elif [ -n "${OS_CLOUD:-}" ]; then STACKDECK_TEST_CLOUD=$OS_CLOUD
  fi
fi
case "${STACKDECK_TEST_CLOUD:-simulator}" in
  simulator) not_configured ;;
  env) ;;
  # `npm start` serves the same entry the suites sign in with (OS_AUTH_URL would win over it).
  *) export OS_CLOUD=$STACKDECK_TEST_CLOUD; unset OS_AUTH_URL ;;
esac
export STACKDECK_TEST_CLOUD

# The same reading of the configuration as the suites', and Keystone answering, before minutes of tests.
if ! npx tsx -e '
import { realTargetFrom } from "./src/contract/target.ts";
async function check() {
  const { cloud } = realTargetFrom(process.env) ?? {};
  const answer = cloud && (await fetch(cloud.authUrl).catch(() => undefined));
  if (!cloud || !answer || answer.status >= 500) throw new Error(`Keystone at ${cloud?.authUrl} does not answer: is the cloud running?`);
  console.log(`== real cloud: ${cloud.name} (${cloud.authUrl}), Nova policy ${cloud.novaPolicy}`);
}
check().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});'; then
  give_up
fi

mkdir -p reports
rm -f reports/real-contract.json reports/real-e2e.json

echo "== contract suite (vitest --project contract)"
npx vitest run --project contract --reporter=default --reporter=json --outputFile.json=reports/real-contract.json

ensure_chromium
echo "== end-to-end main path (playwright, $("$CHROMIUM_PATH" --version 2>/dev/null))"
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/real-e2e.json" npx playwright test -c e2e/playwright.real.config.ts --reporter=list,json

summarize 0 0 reports/real-contract.json reports/real-e2e.json
