import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8191);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's chromium on a closed network: no sandbox as root, and no background calls home.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only',
];

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
    // 10 000 servers (5 000 in the demo project) and 2 000 networks: the scale the lists are built for.
    command: 'npm start -- --servers 10000 --networks 2000 --projects 2',
    cwd: '..',
    url: `${baseURL}/healthz`,
    env: { PORT: String(port), HOST: '127.0.0.1', STACKDECK_LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
