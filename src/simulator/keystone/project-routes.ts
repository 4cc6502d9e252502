import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbiddenAction, KeystoneError } from '../core/identity/errors';
import type { Keystone } from '../core/identity/keystone';
import type { Project } from '../core/identity/store';
import { requestOrigin } from '../http/service-app';
import { callerToken, hasAdminRole } from './caller-token';

interface ProjectQuery {
  Querystring: { name?: string; domain_id?: string };
}

/**
 * The project listings clients call: GET /v3/auth/projects (what a token may be scoped to), and
 * the ones `openstack project list` tries, GET /v3/projects (admin) then, on a 403,
 * GET /v3/users/{id}/projects (the caller's own). Keystone applies no `enabled` filter unless
 * asked, so disabled projects are listed: clients must filter.
 */
export function registerProjectRoutes(app: FastifyInstance, keystone: Keystone): void {
  app.get('/v3/auth/projects', async (request) => {
    const caller = callerToken(keystone, request);
    return projectCollection(request, keystone.projectsOf(caller.user.id));
  });

  app.get<ProjectQuery>('/v3/projects', async (request) => {
    if (!hasAdminRole(callerToken(keystone, request))) throw forbiddenAction('identity:list_projects');
    const { name, domain_id: domainId } = request.query;
    const projects = keystone
      .projects()
      .filter((p) => (name === undefined || p.name === name) && (domainId === undefined || p.domainId === domainId));
    return projectCollection(request, projects);
  });

  // get_project's policy lets a member read the project of its token only; anything else is a 403
  // before Keystone looks, so an unknown id is a 404 for admins alone.
  app.get<{ Params: { projectId: string } }>('/v3/projects/:projectId', async (request) => {
    const caller = callerToken(keystone, request);
    const { projectId } = request.params;
    const admin = hasAdminRole(caller);
    if (!admin && caller.project?.id !== projectId) throw forbiddenAction('identity:get_project');
    const project = keystone.projects().find((p) => p.id === projectId);
    if (!project) throw new KeystoneError('not_found', `Could not find project: ${projectId}.`);
    return { project: projectView(request, project) };
  });

  app.get<{ Params: { userId: string } }>('/v3/users/:userId/projects', async (request) => {
    const caller = callerToken(keystone, request);
    const { userId } = request.params;
    if (caller.user.id !== userId && !hasAdminRole(caller)) throw forbiddenAction('identity:list_user_projects');
    return projectCollection(request, keystone.projectsOf(userId));
  });
}

function projectView(request: FastifyRequest, p: Project) {
  return {
    description: p.description,
    domain_id: p.domainId,
    enabled: p.enabled,
    id: p.id,
    is_domain: false,
    links: { self: `${requestOrigin(request)}/v3/projects/${p.id}` },
    name: p.name,
    options: {},
    parent_id: p.domainId,
    tags: [],
  };
}

function projectCollection(request: FastifyRequest, projects: Project[]) {
  return { projects: projects.map((p) => projectView(request, p)), links: collectionLinks(request) };
}

/** Keystone's links for a collection it never pages: the URL asked for, no neighbours. */
export function collectionLinks(request: FastifyRequest): { self: string; previous: null; next: null } {
  return { self: `${requestOrigin(request)}${request.url.split('?')[0]}`, previous: null, next: null };
}
