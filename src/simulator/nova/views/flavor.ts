import type { Flavor } from '../../core/compute/model';
import type { NovaLinks } from '../links';
import type { Microversion } from '../microversion';

/** `GET /flavors`: id, name and links (views/flavors.py::basic). */
export function renderFlavorBrief(flavor: Flavor, links: NovaLinks, mv: Microversion): Record<string, unknown> {
  return {
    id: flavor.id,
    name: flavor.name,
    links: links.resource('flavors', flavor.id),
    ...(mv.atLeast('2.55') ? { description: flavor.description } : {}),
  };
}

/** `GET /flavors/detail` and `/flavors/{id}` (views/flavors.py::show). */
export function renderFlavor(flavor: Flavor, links: NovaLinks, mv: Microversion): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...renderFlavorBrief(flavor, links, mv),
    ram: flavor.ramMb,
    disk: flavor.diskGb,
    // `swap or ""` until 2.75 made a flavor without swap say 0.
    swap: flavor.swapMb || (mv.atLeast('2.75') ? 0 : ''),
    'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeralGb,
    vcpus: flavor.vcpus,
    'os-flavor-access:is_public': flavor.isPublic,
  };
  if (!mv.atLeast('2.102')) {
    body['OS-FLV-DISABLED:disabled'] = flavor.disabled;
    body.rxtx_factor = 1.0;
  }
  if (mv.atLeast('2.61')) body.extra_specs = flavor.extraSpecs;
  return body;
}

/** The flavor embedded in a server from 2.47 on: the sizes it was booted with, no id. */
export function embeddedFlavor(flavor: Flavor): Record<string, unknown> {
  return {
    vcpus: flavor.vcpus,
    ram: flavor.ramMb,
    disk: flavor.diskGb,
    ephemeral: flavor.ephemeralGb,
    swap: flavor.swapMb,
    original_name: flavor.name,
    extra_specs: flavor.extraSpecs,
  };
}
