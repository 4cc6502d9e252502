import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8191);
export const baseURL = `http://127.0.0.1:${port}`;
/** Fixed, unlike the simulator's other ports: the main path boots its own servers through it. */
const keystonePort = Number(process.env.E2E_KEYSTONE_PORT ?? port + 1);
/** Fixed too: the specs change the simulator's faults at run time through it (e2e/faults.ts). */
const faultsPort = Number(process.env.E2E_FAULTS_PORT ?? port + 2);
// Read by the specs in the test workers, which inherit this process's environment.
process.env.E2E_SIMULATOR_AUTH_URL = `http://127.0.0.1:${keystonePort}/v3`;
process.env.E2E_FAULTS_URL = `http://127.0.0.1:${faultsPort}/faults`;

// Debian's chromium on a closed network: no sandbox as root, and no background calls home.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only',
];

/** `npm start` as the e2e tests need it; the real-cloud config changes only the command. */
export const startServer = {
  cwd: '..',
  url: `${baseURL}/healthz`,
  env: { PORT: String(port), HOST: '127.0.0.1', STACKDECK_LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'warn' },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore',
  stderr: 'pipe',
} as const;

export default defineConfig({
  testDir: '.',
  outputDir: '.results',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  // The e2e tests run against exactly what a newcomer runs: `npm start` (build, simulator, BFF).
  webServer: {
    ...startServer,
    // 10 000 servers (5 000 in the demo project) and 2 000 networks: the scale the lists are built for.
    // A shell set up for `npm run test:real` has OS_AUTH_URL or OS_CLOUD: this run is the simulator's all the same.
    command: `env -u OS_AUTH_URL -u OS_CLOUD npm start -- --servers 10000 --networks 2000 --projects 2 --keystone-port ${keystonePort} --faults-port ${faultsPort}`,
  },
});
