import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig, simulatorCloudConfig } from './config';

const script = 'export const answer = 42;\n'.repeat(50);
let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  // A build as `npm run build` leaves it: index.html, and hashed assets with compressed copies.
  root = mkdtempSync(join(tmpdir(), 'stackdeck-spa-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>Stackdeck</title></head><body></body></html>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  const config = loadConfig({ STACKDECK_STATIC_DIR: root, LOG_LEVEL: 'silent' });
  // Never called: serving the SPA asks nothing of the cloud.
  config.clouds.push(simulatorCloudConfig('http://127.0.0.1:9/v3'));
  app = await buildApp({ config });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const asset = (acceptEncoding?: string) =>
  app.inject({ url: '/assets/index-abc123.js', headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('the built SPA', () => {
  it('sends an asset compressed as the browser accepts it, cached for good', async () => {
    const br = await asset('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(script.length);

    const gz = await asset('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gzipSync(script).equals(gz.rawPayload)).toBe(true);
  });

  it('sends the plain file to a client that accepts no compression', async () => {
    const plain = await asset();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers a page with index.html carrying the style nonce, and a missing asset with a 404', async () => {
    const page = await app.inject({ url: '/servers?q=web' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const nonce = /<meta property="csp-nonce" content="([0-9a-f]{32})" \/>/.exec(page.body)?.[1];
    expect(page.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}';`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const again = await app.inject({ url: '/servers' });
    expect(again.headers['content-security-policy']).not.toContain(nonce);

    const missing = await app.inject({ url: '/assets/gone-000000.js', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
  });
});
