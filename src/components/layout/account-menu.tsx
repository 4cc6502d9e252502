import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import { AccountFace, accountLabel, accountTriggerClass, type HeaderMenuProps } from './account-face';

/**
 * The account menu, mounted open by the press on its placeholder (`HeaderMenu`). `modal={false}`: a modal Radix menu locks scrolling by injecting a `<style>`
 * element, which the BFF's strict CSP would have to allow by nonce. No portal: rendered in place,
 * the open menu stays inside the header landmark.
 */
export function AccountMenu({ session, onSignOut, onSignOutEverywhere, onSwitchProject, onSwitchRegion }: HeaderMenuProps) {
  const { user, project, projects, region, regions, roles, readOnly } = session;
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Mounted open by the press that loaded it, Radix did not see that press: it focused the menu
    // itself, not its first item as a press on its own trigger does.
    content.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger aria-label={accountLabel(session)} className={accountTriggerClass}>
        <AccountFace session={session} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        ref={content}
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
        {projects.length > 1 ? (
          <ScopeChoice
            label="Switch project"
            value={project.id}
            options={projects.map((p) => ({ value: p.id, name: p.name }))}
            onChoose={onSwitchProject}
          />
        ) : null}
        {regions.length > 1 ? (
          <ScopeChoice
            label="Region"
            value={region}
            options={regions.map((r) => ({ value: r, name: r }))}
            onChoose={onSwitchRegion}
          />
        ) : null}
        <DropdownMenu.Item onSelect={onSignOut} className={itemClass}>
          Sign out
        </DropdownMenu.Item>
        {/* Every session of this user, in every browser: after a lost or shared device. */}
        <DropdownMenu.Item onSelect={onSignOutEverywhere} className={itemClass}>
          Sign out everywhere
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

interface ScopeChoiceProps {
  label: string;
  /** The current one, checked. */
  value: string;
  options: { value: string; name: string }[];
  onChoose: (value: string) => void;
}

/** One part of the session's scope (project, region) to switch, as a group of radio items. */
function ScopeChoice({ label, value, options, onChoose }: ScopeChoiceProps) {
  const labelId = useId();
  return (
    <>
      <DropdownMenu.Label id={labelId} className="px-3 pt-1 pb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </DropdownMenu.Label>
      <DropdownMenu.RadioGroup
        aria-labelledby={labelId}
        value={value}
        onValueChange={(chosen) => {
          if (chosen !== value) onChoose(chosen);
        }}
      >
        {options.map((option) => (
          <DropdownMenu.RadioItem key={option.value} value={option.value} className={cx(itemClass, 'gap-2 pl-8 relative font-normal')}>
            <DropdownMenu.ItemIndicator className="absolute left-3 inline-flex">
              <CheckMark />
            </DropdownMenu.ItemIndicator>
            <span className="truncate">{option.name}</span>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
      <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
    </>
  );
}

const itemClass =
  'flex cursor-pointer items-center rounded-lg px-3 py-2 font-medium outline-none select-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

function CheckMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-indigo-600 dark:text-indigo-400">
      <path fill="currentColor" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0z" />
    </svg>
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
