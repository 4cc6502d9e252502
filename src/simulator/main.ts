import { FlagError, parseCommandLine, usage } from './command-line';
import { startSimulator, type Simulator } from './index';
import { formatBanner } from './os-environment';

// `npm run simulator`: the simulated cloud alone, for the openstack CLI or any other client.

/** Exit status for a bad command line, as most Unix tools use. */
const usageError = 2;

function fail(message: string): never {
  process.stderr.write(`${message}\nTry --help.\n`);
  process.exit(usageError);
}

async function start(argv: string[]): Promise<Simulator> {
  try {
    const command = parseCommandLine(argv);
    if (command.help) {
      process.stdout.write(usage);
      process.exit(0);
    }
    return await startSimulator(command.options);
  } catch (error) {
    // RangeError: an option the simulator itself refuses (a Nova microversion, a token lifetime).
    if (error instanceof FlagError || error instanceof RangeError) fail(error.message);
    throw error;
  }
}

const simulator = await start(process.argv.slice(2));
process.stdout.write(formatBanner(simulator));

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
