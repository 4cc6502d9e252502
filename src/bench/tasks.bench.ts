import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { buildApp } from '../server/app';
import { loadConfig, simulatorCloudConfig } from '../server/plugins/config';
import { startSimulator } from '../simulator';
import { projectIds } from '../simulator/core/seed';
import { type Figure, round } from './measure';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const inFlight = 10;
const windowMs = 30_000;

/**
 * Upstream load of watching tasks (issue 6): S = 10 servers in flight (realistic profile: resizes
 * take minutes), watched by T = 1 and T = 10 tabs (separate browser contexts, each signed in, on the
 * servers list). Nova requests per minute are counted at the simulator. Beside them, computed for
 * the same S and T: Skyline polls the whole list per tab every 10 s, Horizon each row per tab
 * every 2.5 s.
 */
export async function tasksBench(): Promise<Figure[]> {
  if (!existsSync('dist/index.html')) throw new Error('Build the SPA first: npm run build');
  const figures: Figure[] = [];
  for (const tabs of [1, 10]) {
    const measured = await novaRequestsPerMinute(tabs);
    figures.push(
      { name: `tasks: Nova requests/min, ${inFlight} servers in flight, ${tabs} tab(s), Stackdeck task polls`, value: round(measured.polls, 0), unit: 'req/min' },
      // Each open list also asks changes-since every 30 s, which is the list's freshness, not task watching.
      { name: `tasks: Nova requests/min, ${inFlight} servers in flight, ${tabs} tab(s), Stackdeck in all (with list freshness)`, value: round(measured.all, 0), unit: 'req/min' },
      { name: `tasks: Nova requests/min, ${inFlight} servers in flight, ${tabs} tab(s), Skyline-style list polling every 10 s`, value: tabs * 6, unit: 'req/min' },
      { name: `tasks: Nova requests/min, ${inFlight} servers in flight, ${tabs} tab(s), Horizon-style row polling every 2.5 s`, value: tabs * inFlight * 24, unit: 'req/min' },
    );
  }
  return figures;
}

async function novaRequestsPerMinute(tabs: number): Promise<{ all: number; polls: number }> {
  const simulator = await startSimulator({ computeProfile: 'realistic', seed: { servers: 200 } });
  const config = loadConfig({ LOG_LEVEL: 'warn', STACKDECK_LOGIN_RATE_LIMIT: '1000' });
  config.clouds.push(simulatorCloudConfig(simulator.authUrl));
  const app = await buildApp({ config });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const contexts = [];
    for (let t = 0; t < tabs; t++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/servers`);
      await page.getByRole('textbox', { name: 'Username' }).fill('demo');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('grid', { name: 'Servers' }).getByRole('row').nth(1).waitFor();
      contexts.push(context);
    }
    // The first tab's user resizes ten servers; every tab watches the list while they run.
    const owner = contexts[0]?.request;
    const servers = [...simulator.cloud.compute.servers.values()]
      .filter((s) => s.projectId === projectIds.demo && s.vmState === 'active' && !s.locked && s.taskState === null && s.host && s.imageId !== '')
      .filter((s) => (simulator.cloud.compute.flavors.get(s.flavorId)?.diskGb ?? 0) < 80)
      .slice(0, inFlight);
    const image = (id: string) => [...simulator.cloud.images.images.values()].find((i) => i.id === id);
    for (const server of servers) {
      const disk = Math.max(simulator.cloud.compute.flavors.get(server.flavorId)?.diskGb ?? 0, image(server.imageId)?.minDiskGb ?? 0);
      const flavor = [...simulator.cloud.compute.flavors.values()].sort((a, b) => a.vcpus - b.vcpus).find((f) => f.id !== server.flavorId && f.diskGb >= disk);
      const res = await owner?.post(`${base}/api/servers/${server.id}/actions/resize`, { headers: { 'x-requested-with': 'stackdeck' }, data: { flavorId: flavor?.id } });
      if (res?.status() !== 202) throw new Error(`resize was refused: ${await res?.text()}`);
    }
    // Let the first fast polls settle, then count a steady window.
    await new Promise((r) => setTimeout(r, 15_000));
    simulator.requests.clear();
    await new Promise((r) => setTimeout(r, windowMs));
    const perMinute = (n: number) => (n * 60_000) / windowMs;
    const all = simulator.requests.of('compute').length;
    const polls = simulator.requests.of('compute', /\/servers\/[0-9a-f-]{36}(\/os-instance-actions\/[^/]+)?$/).length;
    for (const context of contexts) await context.close();
    return { all: perMinute(all), polls: perMinute(polls) };
  } finally {
    await browser.close();
    await app.close();
    await simulator.close();
  }
}
