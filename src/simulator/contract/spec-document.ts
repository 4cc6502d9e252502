// The OpenAPI specs in shared/fixtures/openstack/openapi (codegenerator's, gzipped YAML), read once
// per test file: parsing the 3.4 MB of YAML is most of the contract tests' time.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { type OpenstackService, openstackFixturesUrl } from '../testing/shape';

/** A JSON Schema as the specs write them (OpenAPI 3.1, i.e. draft 2020-12); `false` matches nothing. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

interface SpecResponse {
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface SpecDocument {
  paths: Record<string, Record<string, { responses?: Record<string, SpecResponse> }>>;
  components: { schemas: Record<string, JsonSchema> };
}

const specFiles: Record<OpenstackService, string> = {
  compute: 'compute-v2.96.yaml.gz',
  identity: 'identity-v3.14.yaml.gz',
  image: 'image-v2.16.yaml.gz',
  network: 'network-v2.yaml.gz',
};

/**
 * Every spec puts its version prefix in its paths, so the path names the service; longest first,
 * as `/v2` is a prefix of `/v2.0` and `/v2.1`.
 */
const pathPrefixes: Array<[string, OpenstackService]> = [
  ['/v2.1/', 'compute'],
  ['/v2.0/', 'network'],
  ['/v3/', 'identity'],
  ['/v2/', 'image'],
];

export function serviceOfPath(path: string): OpenstackService {
  const found = pathPrefixes.find(([prefix]) => path.startsWith(prefix));
  if (!found) throw new Error(`${path} is in none of the specs (paths start with ${pathPrefixes.map(([p]) => p).join(', ')})`);
  return found[1];
}

const loaded = new Map<OpenstackService, SpecDocument>();

export function specDocument(service: OpenstackService): SpecDocument {
  let document = loaded.get(service);
  if (!document) {
    const yaml = gunzipSync(readFileSync(new URL(`openapi/${specFiles[service]}`, openstackFixturesUrl))).toString('utf8');
    document = parse(yaml) as SpecDocument;
    loaded.set(service, document);
  }
  return document;
}
