import type { SessionSummary } from '../../domain/api';
import { cx } from '../../lib/cx';

export interface HeaderMenuProps {
  session: SessionSummary;
  onSignOut: () => void;
  /** Ends every session of this user, in every browser (after a lost or shared device). */
  onSignOutEverywhere: () => void;
  /** Moves the session to the project with this id; offered when the user has several. */
  onSwitchProject: (projectId: string) => void;
  /** Moves the session to this region; offered when the cloud has several. */
  onSwitchRegion: (region: string) => void;
}

/** The region is worth showing only where there is a choice of them. */
function shownRegion({ region, regions }: SessionSummary): string | undefined {
  return regions.length > 1 ? region : undefined;
}

/** What the account menu's trigger shows and is named, before and after the menu's code is here. */
export function accountLabel(session: SessionSummary): string {
  const region = shownRegion(session);
  return `Account menu for ${session.user.name}, project ${session.project.name}${region ? `, region ${region}` : ''}`;
}

export const accountTriggerClass = cx(
  'flex max-w-64 items-center gap-2 rounded-lg py-1 pr-2 pl-1 text-left text-sm transition-colors',
  'hover:bg-slate-100 data-[state=open]:bg-slate-100 dark:hover:bg-slate-800 dark:data-[state=open]:bg-slate-800',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
);

export function AccountFace({ session }: { session: SessionSummary }) {
  const { user, project } = session;
  const region = shownRegion(session);
  return (
    <>
      {/* Initials drawn by CSS: as text they would be read into the button's visible label. */}
      <span
        aria-hidden="true"
        data-initials={initials(user.name)}
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 uppercase before:content-[attr(data-initials)] dark:bg-indigo-900 dark:text-indigo-100"
      />
      <span className="min-w-0">
        <span className="block truncate font-medium text-slate-900 dark:text-slate-100">{user.name}</span>{' '}
        <span className="hidden truncate text-xs text-slate-600 sm:block dark:text-slate-400">
          Project {project.name}
          {region ? `, region ${region}` : null}
        </span>
      </span>
      <ChevronDown />
    </>
  );
}

function initials(name: string): string {
  const parts = name.split(/[\s._@-]+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters || '?';
}

function ChevronDown() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-500 dark:text-slate-400">
      <path fill="currentColor" d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06z" />
    </svg>
  );
}
