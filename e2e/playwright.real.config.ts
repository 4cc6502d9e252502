import { defineConfig } from '@playwright/test';
import simulatorConfig, { startServer } from './playwright.config';

// `npm run test:real` (.ci/test-real.sh): the main path against `npm start` on the real cloud that
// STACKDECK_TEST_CLOUD names. `npm start` inherits the OS_* variables (or OS_CLOUD) and NOVA_POLICY,
// so it serves that cloud and starts no simulator; the spec boots its servers there too.
delete process.env.E2E_SIMULATOR_AUTH_URL;

export default defineConfig({
  ...simulatorConfig,
  testMatch: 'main-path.spec.ts',
  // A real cloud's tasks and pages take longer than the simulator's fast profile, more so on a
  // small machine that runs the cloud, the BFF and the browser together.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // A picture of each test's last page, to see the UI on this cloud (in e2e/.results).
  use: { ...simulatorConfig.use, screenshot: 'on' },
  webServer: { ...startServer, command: 'npm start' },
});
