import type { ReactNode } from 'react';
import { BrandMark, productName } from './brand';
import { PrimaryNav, type NavItem } from './primary-nav';
import { SkipLink } from './skip-link';

export const mainContentId = 'main-content';

export interface AppShellProps {
  nav: readonly NavItem[];
  /** The header's right side: the account menu. */
  account: ReactNode;
  /** Beside the account menu: the tasks button. */
  tools?: ReactNode;
  children: ReactNode;
}

export function AppShell({ nav, account, tools, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <SkipLink target={mainContentId} />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
          <span className="flex items-center gap-2 text-base font-semibold tracking-tight">
            <BrandMark className="size-7" />
            {productName}
          </span>
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <PrimaryNav items={nav} />
          </div>
          <div className="ml-auto flex items-center gap-2 sm:ml-0">
            {tools}
            {account}
          </div>
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
