import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('npm run simulator', () => {
  it('prints the OS_* exports of a working cloud, and stops cleanly on SIGINT', async () => {
    const child = spawn(tsx, [main], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = once(child, 'exit');
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout) {
      output += String(chunk);
      if (output.includes('OS_IDENTITY_API_VERSION')) break;
    }
    const exports = Object.fromEntries(
      output
        .trim()
        .split('\n')
        .map((line) => /^export (\w+)=(.*)$/.exec(line)?.slice(1) ?? [line, '']),
    );
    expect(exports).toEqual({
      OS_AUTH_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v3$/),
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'demo',
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
      OS_IDENTITY_API_VERSION: '3',
    });
    expect((await fetch(String(exports.OS_AUTH_URL))).status).toBe(200);

    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
