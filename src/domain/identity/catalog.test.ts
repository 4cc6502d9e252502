import { describe, expect, it } from 'vitest';
import { versionDocumentUrl } from './catalog';

describe('versionDocumentUrl', () => {
  it.each([
    ['compute', 'http://nova:8774/v2.1', 'http://nova:8774/v2.1'],
    ['compute', 'http://nova:8774/v2.1/', 'http://nova:8774/v2.1'],
    ['compute', 'http://nova:8774/v2.1/8d1b4c0f2a2f4c4e9f2b7a1c3d5e6f70', 'http://nova:8774/v2.1'],
    ['compute', 'https://cloud.example/compute/v2.1', 'https://cloud.example/compute/v2.1'],
    ['compute', 'http://nova:8774/v2/abc', 'http://nova:8774/v2'],
    ['network', 'http://neutron:9696', 'http://neutron:9696'],
    ['network', 'http://neutron:9696/v2.0/', 'http://neutron:9696'],
    ['network', 'https://cloud.example/networking', 'https://cloud.example/networking'],
    ['image', 'http://glance:9292/v2', 'http://glance:9292'],
    ['image', 'https://cloud.example/image', 'https://cloud.example/image'],
  ])('%s at %s → %s', (type, url, expected) => {
    expect(versionDocumentUrl(type, url)).toBe(expected);
  });
});
