import { expect, type APIRequestContext } from '@playwright/test';
import type { SimulatorFaults } from '../src/simulator';

/** The faults endpoint of the simulator `npm start` runs for the specs (e2e/playwright.config.ts). */
function faultsUrl(): string {
  const url = process.env.E2E_FAULTS_URL;
  if (!url) throw new Error('The simulator’s faults endpoint is unknown: run the specs with e2e/playwright.config.ts');
  return url;
}

/** Replaces every fault of the running simulator, e.g. `{ compute: { outage: true } }`; `{}` clears them. */
export async function setFaults(request: APIRequestContext, faults: SimulatorFaults): Promise<void> {
  const res = await request.put(faultsUrl(), { data: faults });
  expect(res.status(), await res.text()).toBe(200);
}
