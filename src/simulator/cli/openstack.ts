// Test helper: Debian's `openstack` command, run as a user would, with nothing of ours in its environment.
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const openstackPath = '/usr/bin/openstack';

/** The apt line the test script runs when the client is missing (`.ci/test.sh`). */
export const installHint = 'apt-get -o DPkg::Lock::Timeout=900 install -y -qq python3-openstackclient';

/** Fails (never skips) when the client is missing: the suite is part of `npm test`. */
export async function assertOpenstackInstalled(): Promise<void> {
  try {
    await access(openstackPath, constants.X_OK);
  } catch {
    throw new Error(`${openstackPath} is missing: install Debian's openstack client with \`${installHint}\``);
  }
}

export type Environment = Record<string, string | undefined>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Changes to the base variables for this call; an undefined value removes one. */
  environment?: Environment;
  /** Work done once this call's turn comes, just before the client starts (e.g. a fresh TOTP code). */
  prepare?: () => Promise<void>;
}

export interface OpenstackCli {
  /** Runs `openstack ARGS`; a non-zero exit is a result, not an error. */
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  /** Runs `openstack ARGS` and resolves its stdout; throws with its stderr when it fails. */
  ok(args: string[], options?: RunOptions): Promise<string>;
  /** `ok` with `-f json`, parsed. */
  json<T = unknown>(args: string[], options?: RunOptions): Promise<T>;
  /** Writes `~/.config/openstack/clouds.yaml` in the CLI's own home, for what flags cannot say. */
  writeCloudsYaml(yaml: string): Promise<void>;
  /** Removes the CLI's home. */
  dispose(): Promise<void>;
}

/**
 * The client with a scrubbed environment: only PATH, a fresh HOME (no clouds.yaml or cache of the
 * machine's) and the given OS_* variables, so an inherited OS_CLOUD or OS_PASSWORD cannot leak in.
 * At most `concurrency` clients run at a time: each costs 1.5–2 s of Python start-up and CPU.
 */
export async function createOpenstackCli(base: Record<string, string>, concurrency = 2): Promise<OpenstackCli> {
  const home = await mkdtemp(join(tmpdir(), 'stackdeck-openstack-'));
  const limit = createLimiter(concurrency);
  const run = (args: string[], { environment = {}, prepare }: RunOptions = {}) => {
    const env = { PATH: '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', PYTHONWARNINGS: 'ignore', ...base, ...environment };
    const defined = Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return limit(async () => {
      await prepare?.();
      return execOpenstack(args, Object.fromEntries(defined));
    });
  };
  const ok = async (args: string[], options?: RunOptions) => {
    const result = await run(args, options);
    if (result.code !== 0) throw new Error(`openstack ${args.join(' ')} exited with ${result.code}:\n${result.stderr}`);
    return result.stdout;
  };
  return {
    run,
    ok,
    json: async <T>(args: string[], options?: RunOptions) => JSON.parse(await ok([...args, '-f', 'json'], options)) as T,
    async writeCloudsYaml(yaml) {
      const directory = join(home, '.config', 'openstack');
      await mkdir(directory, { recursive: true });
      await writeFile(join(directory, 'clouds.yaml'), yaml);
    },
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}

function execOpenstack(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(openstackPath, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs at most `size` tasks at once, the others in order of arrival. */
function createLimiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < size) running += 1;
    // A finished task hands its slot straight to the next in line, so none can jump the queue.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
