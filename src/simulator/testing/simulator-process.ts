// Test helper: `npm run simulator` as a separate process, started and read as a user would.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const main = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface SimulatorProcess {
  pid: number;
  /** Each printed block of `export OS_…=…` lines, in order. */
  environments: Record<string, string>[];
  /** The admin endpoint from the `# Faults:` line. */
  faultsUrl: string;
  /** Signals the process by its pid and waits for its exit code (SIGKILL if it lingers). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What a run that must fail printed, and its exit code. */
export async function runSimulatorToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(tsx, [main, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

/** Starts the simulator with these flags and resolves once it printed its banner. */
export async function startSimulatorProcess(args: string[]): Promise<SimulatorProcess> {
  const child = spawn(tsx, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let output = '';
  const faultsLine = /^# Faults: GET, PUT or DELETE (\S+)$/m;
  for await (const chunk of child.stdout.setEncoding('utf8')) {
    output += String(chunk);
    if (faultsLine.test(output)) break;
  }
  const faultsUrl = faultsLine.exec(output)?.[1];
  if (!faultsUrl || child.pid === undefined) {
    child.kill('SIGKILL');
    throw new Error(`The simulator exited before it printed its banner:\n${output}\n${stderr}`);
  }
  const pid = child.pid;

  return {
    pid,
    environments: parseExportBlocks(output),
    faultsUrl,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      process.kill(pid, signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Blocks are separated by blank lines; comments are skipped. */
export function parseExportBlocks(output: string): Record<string, string>[] {
  return output
    .split('\n\n')
    .map((block) => [...block.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']))
    .filter((pairs) => pairs.length > 0)
    .map((pairs) => Object.fromEntries(pairs));
}
