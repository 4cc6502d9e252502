import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const directory = mkdtempSync(join(tmpdir(), 'stackdeck-clouds-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function cloudsFile(text: string): string {
  const path = join(directory, `clouds-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}

const twoClouds = cloudsFile(`
clouds:
  lab:
    auth:
      auth_url: https://keystone.lab.example:5000/v3
      username: alice
      password: secret
    region_name: RegionTwo
    interface: internal
    cacert: /etc/ssl/lab-ca.pem
  other:
    auth:
      auth_url: https://other.example/identity
`);

describe('loadConfig', () => {
  it('starts the simulator when no cloud is configured', () => {
    expect(loadConfig({ HOME: directory, OS_CLIENT_CONFIG_FILE: undefined }).clouds).toEqual([]);
  });

  it('reads the OS_CLOUD entry of clouds.yaml', () => {
    const [cloud] = loadConfig({ OS_CLOUD: 'lab', OS_CLIENT_CONFIG_FILE: twoClouds }).clouds;
    expect(cloud).toEqual({
      id: 'default',
      name: 'lab',
      authUrl: 'https://keystone.lab.example:5000/v3',
      region: 'RegionTwo',
      interface: 'internal',
      caFile: '/etc/ssl/lab-ca.pem',
      novaPolicy: 'new-defaults',
    });
  });

  it('lets OS_* variables win over the clouds.yaml entry', () => {
    const [cloud] = loadConfig({ OS_CLOUD: 'lab', OS_CLIENT_CONFIG_FILE: twoClouds, OS_REGION_NAME: 'RegionOne', OS_INTERFACE: 'publicURL' }).clouds;
    expect(cloud).toMatchObject({ region: 'RegionOne', interface: 'public', authUrl: 'https://keystone.lab.example:5000/v3' });
  });

  it('says which clouds exist when the name is wrong', () => {
    expect(() => loadConfig({ OS_CLOUD: 'lba', OS_CLIENT_CONFIG_FILE: twoClouds })).toThrow(/has no cloud named "lba" \(it has: lab, other\)/);
  });

  it('says where it looked when there is no clouds.yaml', () => {
    expect(() => loadConfig({ OS_CLOUD: 'lab', OS_CLIENT_CONFIG_FILE: join(directory, 'missing.yaml'), HOME: directory })).toThrow(ConfigError);
  });

  it('refuses an entry without an auth URL in words', () => {
    const path = cloudsFile('clouds:\n  broken:\n    auth:\n      username: bob\n');
    expect(() => loadConfig({ OS_CLOUD: 'broken', OS_CLIENT_CONFIG_FILE: path })).toThrow(/auth_url/);
  });

  it('refuses a file that is not YAML clouds', () => {
    const path = cloudsFile('just: [text\n');
    expect(() => loadConfig({ OS_CLOUD: 'lab', OS_CLIENT_CONFIG_FILE: path })).toThrow(ConfigError);
  });
});

describe('STACKDECK_TRUST_PROXY', () => {
  const trust = (value: string) => loadConfig({ STACKDECK_TRUST_PROXY: value }).trustProxy;

  it('trusts nobody by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust('false')).toBe(false);
  });

  it('takes a hop count, `true` meaning the one proxy in front, never everyone', () => {
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
  });

  it('takes the proxies’ own addresses and ranges', () => {
    expect(trust('10.0.0.5, 192.168.0.0/16,fd00::/8, loopback')).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses what is neither, naming it', () => {
    expect(() => trust('proxy.example')).toThrow(/STACKDECK_TRUST_PROXY: .*not proxy\.example/);
    expect(() => trust('10.0.0.0/33')).toThrow(/not 10\.0\.0\.0\/33/);
  });
});

describe('sessions and TLS', () => {
  it('ends idle sessions after an hour and every session after 8 hours, with a browser-session cookie', () => {
    expect(loadConfig({}).session).toEqual({ idleTimeoutMs: 3_600_000, maxAgeMs: 28_800_000, persistentCookie: false });
    expect(loadConfig({ STACKDECK_SESSION_IDLE_TIMEOUT: '900', STACKDECK_PERSISTENT_COOKIE: 'true' }).session).toMatchObject({ idleTimeoutMs: 900_000, persistentCookie: true });
  });

  it('serves HTTPS with both a certificate and a key, and says so when one is missing', () => {
    expect(loadConfig({}).tls).toBeUndefined();
    expect(loadConfig({ STACKDECK_TLS_CERT: '/c.pem', STACKDECK_TLS_KEY: '/k.pem' }).tls).toEqual({ cert: '/c.pem', key: '/k.pem' });
    expect(() => loadConfig({ STACKDECK_TLS_CERT: '/c.pem' })).toThrow(/set both/);
  });
});
