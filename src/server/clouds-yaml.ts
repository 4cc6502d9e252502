import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * `clouds.yaml` as openstacksdk and the `openstack` client read it, so an operator points Stackdeck
 * at the same `OS_CLOUD` entry their CLI already uses. Only what a dashboard needs is read; the
 * password stays with whoever signs in, except for the test suites, which sign in with it.
 */
const entrySchema = z.object({
  auth: z
    .object({
      auth_url: z.url(),
      username: z.string().optional(),
      password: z.string().optional(),
      user_domain_name: z.string().optional(),
      domain_name: z.string().optional(),
      project_name: z.string().optional(),
      project_id: z.string().optional(),
    })
    .loose(),
  region_name: z.string().optional(),
  interface: z.string().optional(),
  cacert: z.string().optional(),
});
const fileSchema = z.object({ clouds: z.record(z.string(), entrySchema.loose()) });

export type CloudsYamlEntry = z.infer<typeof entrySchema>;

/** openstacksdk's search order: an explicit file, then the working directory, the user's and the system's. */
export function cloudsYamlPaths(env: Record<string, string | undefined>): string[] {
  return [env.OS_CLIENT_CONFIG_FILE, join(process.cwd(), 'clouds.yaml'), join(env.HOME ?? homedir(), '.config/openstack/clouds.yaml'), '/etc/openstack/clouds.yaml'].filter(
    (p): p is string => Boolean(p),
  );
}

function readFirst(paths: string[]): { path: string; text: string } | undefined {
  for (const path of paths) {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

/** The named entry of the first clouds.yaml found; throws with the reason in words. */
export function readCloudsYamlEntry(name: string, env: Record<string, string | undefined> = process.env): CloudsYamlEntry {
  const paths = cloudsYamlPaths(env);
  const file = readFirst(paths);
  if (!file) throw new Error(`OS_CLOUD=${name}, but no clouds.yaml was found (looked in ${paths.join(', ')})`);
  const parsed = fileSchema.safeParse(parse(file.text));
  if (!parsed.success) throw new Error(`${file.path} is not a clouds.yaml: ${z.prettifyError(parsed.error)}`);
  const entry = parsed.data.clouds[name];
  if (!entry) throw new Error(`${file.path} has no cloud named "${name}" (it has: ${Object.keys(parsed.data.clouds).join(', ') || 'none'})`);
  const checked = entrySchema.safeParse(entry);
  if (!checked.success) throw new Error(`Cloud "${name}" in ${file.path}: ${z.prettifyError(checked.error)}`);
  return checked.data;
}
