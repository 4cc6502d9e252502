import { type Agent, request } from 'undici';
import { summaryFields } from '../server/networks/list';
import { startSimulator } from '../simulator';
import { demoUser, issueToken, passwordAuth } from '../simulator/testing/keystone-client';
import { startSimulatorProcess } from '../simulator/testing/simulator-process';
import { type Figure, get, percentile, round, startSignedInBff, timeSequential } from './measure';

const pageSize = 50;
/** Pages averaged for the byte counts: the first ten of the list. */
const pagesMeasured = 10;
const samples = 200;

/**
 * Issue 7's figures on 2 000 networks: the bytes Neutron sends for a page of 50 with and without
 * `fields=` (what the BFF asks for a row), the bytes one BFF page costs in all (the networks and
 * the subnets' CIDRs, replayed from the simulator's request journal), and the time to the first
 * network rows through the BFF (median of sequential first-page requests) beside Neutron alone.
 */
export async function networksBench(): Promise<Figure[]> {
  return [...(await bytesFigures()), ...(await timeFigures())];
}

const fieldsQuery = summaryFields({ projectId: true, externalNetworks: true })
  .map((f) => `&fields=${encodeURIComponent(f)}`)
  .join('');

/** Demo's token and Neutron's URL (with `/v2.0`) from its catalog, as the BFF finds it. */
async function neutronAccess(authUrl: string): Promise<{ token: string; neutron: string }> {
  const { id, token } = await issueToken(authUrl, passwordAuth(demoUser, { project: { name: 'demo', domain: { name: 'Default' } } }));
  const url = token.catalog?.find((e) => e.type === 'network')?.endpoints.find((e) => e.interface === 'public')?.url ?? '';
  return { token: id, neutron: `${url.replace(/\/$/, '')}/v2.0` };
}

async function neutronGet(url: string, token: string, dispatcher: Agent): Promise<{ bytes: number; body: unknown }> {
  const res = await request(url, { dispatcher, headers: { 'x-auth-token': token } });
  if (res.statusCode !== 200) throw new Error(`Neutron answered ${res.statusCode} to ${url}`);
  const buffer = Buffer.from(await res.body.arrayBuffer());
  return { bytes: buffer.byteLength, body: JSON.parse(buffer.toString('utf8')) };
}

/** Byte counts need the request journal, so this cloud runs in-process. */
async function bytesFigures(): Promise<Figure[]> {
  const simulator = await startSimulator({ seed: { servers: 2_000, networks: 2_000 } });
  const bff = await startSignedInBff(simulator.authUrl, 8);
  try {
    const { token, neutron } = await neutronAccess(simulator.authUrl);
    const pageBytes = async (extra: string): Promise<number> => {
      let total = 0;
      let marker = '';
      for (let page = 0; page < pagesMeasured; page++) {
        const { bytes, body } = await neutronGet(`${neutron}/networks?limit=${pageSize}&sort_key=name&sort_dir=asc${extra}${marker}`, token, bff.dispatcher);
        total += bytes;
        const last = (body as { networks: Array<{ id: string }> }).networks.at(-1);
        if (!last) break;
        marker = `&marker=${last.id}`;
      }
      return total / pagesMeasured;
    };
    const allAttributes = await pageBytes('');
    const withFields = await pageBytes(fieldsQuery);

    // One BFF page: every request it made to Neutron, replayed to count the bytes.
    const bffPage = () => get(`${bff.base}/api/networks?limit=${pageSize}`, bff.dispatcher, { cookie: bff.cookie });
    await bffPage();
    simulator.requests.clear();
    await bffPage();
    const calls = simulator.requests.of('network');
    const origin = new URL(neutron).origin;
    let perBffPage = 0;
    for (const call of calls) perBffPage += (await neutronGet(`${origin}${call.url}`, token, bff.dispatcher)).bytes;

    const kib = (bytes: number) => round(bytes / 1024, 1);
    return [
      { name: 'networks: bytes from Neutron per page of 50, all attributes', value: kib(allAttributes), unit: 'KiB' },
      { name: 'networks: bytes from Neutron per page of 50, with fields=', value: kib(withFields), unit: 'KiB' },
      { name: 'networks: bytes from Neutron per BFF page of 50 (networks + subnet CIDRs)', value: kib(perBffPage), unit: 'KiB' },
      { name: 'networks: Neutron requests per BFF page of 50', value: calls.length, unit: 'requests' },
    ];
  } finally {
    await bff.close();
    await simulator.close();
  }
}

/** Timings: the cloud in its own process, as a real one would be, so its work is not billed to the BFF. */
async function timeFigures(): Promise<Figure[]> {
  const simulator = await startSimulatorProcess(['--servers', '2000', '--networks', '2000']);
  const authUrl = simulator.environments[0]?.OS_AUTH_URL ?? '';
  const bff = await startSignedInBff(authUrl, 8);
  try {
    const { token, neutron } = await neutronAccess(authUrl);
    const bffMs = await timeSequential(samples, () => get(`${bff.base}/api/networks?limit=${pageSize}`, bff.dispatcher, { cookie: bff.cookie }));
    const directMs = await timeSequential(samples, () => neutronGet(`${neutron}/networks?limit=${pageSize + 1}&sort_key=name&sort_dir=asc${fieldsQuery}`, token, bff.dispatcher));
    const partialMs = await timeSequential(50, () => get(`${bff.base}/api/networks?limit=${pageSize}&q=prod`, bff.dispatcher, { cookie: bff.cookie }), 5);
    return [
      { name: 'networks: first 50 network rows through the BFF, median', value: round(percentile(bffMs, 50)), unit: 'ms' },
      { name: 'networks: first 50 network rows through the BFF, p95', value: round(percentile(bffMs, 95)), unit: 'ms' },
      { name: 'networks: the same 50 rows from Neutron directly (fields=, no CIDRs), median', value: round(percentile(directMs, 50)), unit: 'ms' },
      { name: 'networks: partial-name search, first page through the BFF, median', value: round(percentile(partialMs, 50)), unit: 'ms' },
    ];
  } finally {
    await bff.close();
    await simulator.stop();
  }
}

