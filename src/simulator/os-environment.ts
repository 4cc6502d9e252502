import { userIds } from './core/seed';
import type { Simulator } from './index';

/** The logins `npm run simulator` prints, each in the user's default project: demo first. */
const printedUsers = [userIds.demo, userIds.admin, userIds.reader];

/** The `OS_*` variables the openstack CLI needs to sign in as one of the seeded users. */
export function osEnvironments(simulator: Simulator): Record<string, string>[] {
  const { store } = simulator.cloud;
  const domainName = (id: string) => store.domains.get(id)?.name ?? id;
  return printedUsers.map((userId) => {
    const user = store.users.get(userId);
    const project = user?.defaultProjectId === undefined ? undefined : store.projects.get(user.defaultProjectId);
    if (!user || !project) throw new Error(`The seed lost user ${userId} or its default project`);
    return {
      OS_AUTH_URL: simulator.authUrl,
      OS_USERNAME: user.name,
      OS_PASSWORD: store.passwords.get(user.id) ?? '',
      OS_PROJECT_NAME: project.name,
      OS_USER_DOMAIN_NAME: domainName(user.domainId),
      OS_PROJECT_DOMAIN_NAME: domainName(project.domainId),
      OS_REGION_NAME: store.regions[0] ?? 'RegionOne',
      OS_IDENTITY_API_VERSION: '3',
    };
  });
}

/** One block of export lines per user, then the faults endpoint, as comments introduce them. */
export function formatBanner(simulator: Simulator): string {
  const blocks = osEnvironments(simulator).map((environment) => {
    const header = `# ${environment.OS_USERNAME} in project ${environment.OS_PROJECT_NAME}\n`;
    return header + Object.entries(environment).map(([name, value]) => `export ${name}=${value}\n`).join('');
  });
  const faults = faultsHelp(simulator.faultsUrl).map((line) => `# ${line}\n`).join('');
  return [...blocks, faults].join('\n');
}

/** How to change the simulator's faults while it runs: `npm run simulator` and `npm start` print it. */
export function faultsHelp(faultsUrl: string): string[] {
  return [
    `Faults: GET, PUT or DELETE ${faultsUrl}`,
    `  e.g. curl -X PUT -H 'content-type: application/json' -d '{"compute":{"latencyMs":200}}' ${faultsUrl}`,
  ];
}
