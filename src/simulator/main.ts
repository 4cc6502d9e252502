import { startSimulator } from './index';

// `npm run simulator`: the simulated cloud alone, for the openstack CLI or any other client.
const simulator = await startSimulator();

const environment = {
  OS_AUTH_URL: simulator.authUrl,
  OS_USERNAME: 'demo',
  OS_PASSWORD: 'demo',
  OS_PROJECT_NAME: 'demo',
  OS_USER_DOMAIN_NAME: 'Default',
  OS_PROJECT_DOMAIN_NAME: 'Default',
  OS_REGION_NAME: 'RegionOne',
  OS_IDENTITY_API_VERSION: '3',
};
process.stdout.write(
  Object.entries(environment)
    .map(([name, value]) => `export ${name}=${value}\n`)
    .join(''),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  simulator.close().then(
    () => process.stderr.write('Simulator stopped.\n'),
    (error: unknown) => {
      process.stderr.write(`Simulator did not stop cleanly: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
