import type { Cloud, SessionSummary } from '../../domain/api';
import { catalogRegions, isReadOnly } from '../../domain/identity';
import type { Keystone } from './identity/keystone';
import type { KeystoneToken } from './identity/wire';

export interface SessionSummaryOptions {
  cloud: Cloud;
  /** The session's region; the catalog's first region when not given. */
  region?: string;
}

/**
 * The BFF's session summary for a project-scoped token, built the way the simulator reads
 * Keystone (the BFF has its own reading; the two are meant to be independent).
 */
export function buildSessionSummary(
  keystone: Keystone,
  token: KeystoneToken,
  options: SessionSummaryOptions,
): SessionSummary {
  const { project, user } = token;
  if (!project) throw new Error('A session summary needs a project-scoped token');
  const roles = (token.roles ?? []).map((r) => r.name);
  const regions = catalogRegions(token.catalog ?? []);
  const projects = keystone
    .projectsOf(user.id)
    .filter((p) => p.enabled)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ id, name }) => ({ id, name }));
  return {
    user: { id: user.id, name: user.name, domain: user.domain },
    project: { id: project.id, name: project.name },
    roles,
    region: options.region ?? regions[0] ?? '',
    regions,
    cloud: options.cloud,
    expiresAt: token.expires_at,
    projects,
    readOnly: isReadOnly(roles),
  };
}
