import { NavLink } from 'react-router';
import { cx } from '../../lib/cx';

export interface NavItem {
  to: string;
  label: string;
}

/** NavLink sets `aria-current="page"` on the active link; the styling keys off that same attribute. */
export function PrimaryNav({ items }: { items: readonly NavItem[] }) {
  return (
    <nav aria-label="Primary" className="-mx-2 overflow-x-auto">
      <ul className="flex items-center gap-1 px-2">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={cx(
                'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-700 transition-colors',
                'hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white',
                'aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800',
                'dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200',
                'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
              )}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
