import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import type { SessionSummary } from '../../domain/api';
import { cx } from '../../lib/cx';

export interface HeaderMenuProps {
  session: SessionSummary;
  onSignOut: () => void;
}

/**
 * The account menu. `modal={false}`: a modal Radix menu locks scrolling by injecting a `<style>`
 * element, which the BFF's strict CSP would have to allow by nonce. No portal: rendered in place,
 * the open menu stays inside the header landmark.
 */
export function HeaderMenu({ session, onSignOut }: HeaderMenuProps) {
  const { user, project, region, roles, readOnly } = session;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`Account menu for ${user.name}, project ${project.name}`}
        className={cx(
          'flex max-w-64 items-center gap-2 rounded-lg py-1 pr-2 pl-1 text-left text-sm transition-colors',
          'hover:bg-slate-100 data-[state=open]:bg-slate-100 dark:hover:bg-slate-800 dark:data-[state=open]:bg-slate-800',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        )}
      >
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
          </span>
        </span>
        <ChevronDown />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        collisionPadding={8}
        className="z-50 w-72 rounded-xl border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <DropdownMenu.Group aria-label="User" className="px-3 py-2">
          <p className="truncate font-semibold">{user.name}</p>
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">Domain {user.domain.name}</p>
        </DropdownMenu.Group>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <DropdownMenu.Group aria-label="Project" className="grid gap-1.5 px-3 py-2">
          <Fact label="Project">{project.name}</Fact>
          <Fact label="Region">{region}</Fact>
          <Fact label="Roles">{roles.length > 0 ? roles.join(', ') : 'None'}</Fact>
          {readOnly ? (
            <p>
              <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                Read-only
              </span>
            </p>
          ) : null}
        </DropdownMenu.Group>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <DropdownMenu.Item
          onSelect={onSignOut}
          className="flex cursor-pointer items-center rounded-lg px-3 py-2 font-medium outline-none select-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
        >
          Sign out
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="flex justify-between gap-4">
      <span className="text-slate-600 dark:text-slate-400">{label}</span>
      <span className="truncate text-right font-medium">{children}</span>
    </p>
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
