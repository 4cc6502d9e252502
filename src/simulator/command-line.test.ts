import { describe, expect, it } from 'vitest';
import { FlagError, parseCommandLine } from './command-line';

describe('parseCommandLine', () => {
  it('leaves every option to the simulator’s defaults when no flag is given', () => {
    expect(parseCommandLine([])).toEqual({
      help: false,
      options: {
        seed: { servers: undefined, networks: undefined, projects: undefined, seed: undefined },
        computeProfile: undefined,
        novaMaxVersion: undefined,
        tokenLifetimeSeconds: undefined,
        keystonePort: undefined,
        faultsPort: undefined,
        faults: {},
      },
    });
  });

  it('reads the seed, behaviour and fault flags', () => {
    const command = parseCommandLine(
      ['--servers', '10000', '--networks=2000', '--projects', '5', '--seed', '7', '--profile', 'progress'].concat(
        ['--nova-max-version', '2.96', '--token-lifetime', '300', '--keystone-port', '5100', '--faults-port', '5101', '--latency', 'compute=200', '--latency', 'keystone=50'],
        ['--error-rate', 'network=0.2', '--error-rate', 'glance=1:503', '--outage', 'image', '--slow-keystone', '2000'],
      ),
    );
    expect(command).toEqual({
      help: false,
      options: {
        seed: { servers: 10000, networks: 2000, projects: 5, seed: 7 },
        computeProfile: 'progress',
        novaMaxVersion: '2.96',
        tokenLifetimeSeconds: 300,
        keystonePort: 5100,
        faultsPort: 5101,
        faults: {
          compute: { latencyMs: 200 },
          identity: { latencyMs: 50 },
          network: { errorRate: 0.2 },
          image: { errorRate: 1, errorStatus: 503, outage: true },
          slowKeystoneMs: 2000,
        },
      },
    });
  });

  it('answers --help', () => {
    expect(parseCommandLine(['--help'])).toEqual({ help: true });
    expect(parseCommandLine(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--servers', '1.5'], '--servers takes a whole number, not "1.5"'],
    [['--projects', '0'], '--projects takes a whole number of at least 1, not "0"'],
    [['--keystone-port', '0'], '--keystone-port takes a whole number of at least 1, not "0"'],
    [['--keystone-port', '70000'], '--keystone-port takes a port from 1 to 65535, not "70000"'],
    [['--latency', 'compute'], '--latency takes SERVICE=VALUE, e.g. --latency compute=200; got "compute"'],
    [['--latency', 'compute=fast'], '--latency compute: Invalid input: expected number, received NaN'],
    [['--error-rate', 'network=1.5'], '--error-rate network: Too big: expected number to be <=1'],
    [['--error-rate', 'network=0.5:404'], '--error-rate network: Invalid option: expected one of 500|503'],
    [['--slow-keystone', '-1'], "Option '--slow-keystone' argument is ambiguous."],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j with a message naming the flag', (args, message) => {
    expect(() => parseCommandLine(args)).toThrow(FlagError);
    expect(() => parseCommandLine(args)).toThrow(message);
  });
});
