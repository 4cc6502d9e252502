import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cruise(...paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['depcruise', ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the import-boundary lint', () => {
  it('fails when domain code imports the BFF', async () => {
    const { code, output } = await cruise('src/domain/api/__lint-fixtures__');
    expect(code).not.toBe(0);
    expect(output).toContain('domain-imports-nothing-of-ours');
  }, 60_000);

  it('fails when shipped SPA code imports the simulator', async () => {
    const { code, output } = await cruise('src/features/auth/__lint-fixtures__');
    expect(code).not.toBe(0);
    expect(output).toContain('spa-simulator-only-in-tests');
  }, 60_000);

  it('passes on the real tree', async () => {
    const { code, output } = await cruise('src', '--exclude', '__lint-fixtures__');
    expect(output).not.toMatch(/error /);
    expect(code).toBe(0);
  }, 60_000);
});
