import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from '../../lib/cx';

export interface TabItem<TId extends string> {
  id: TId;
  label: string;
  /** Rendered only while its tab is selected. */
  panel: () => ReactNode;
}

export interface TabsProps<TId extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: ReadonlyArray<TabItem<TId>>;
  selected: TId;
  onSelect: (id: TId) => void;
}

/**
 * Tabs as the ARIA pattern has them: one tab stop for the list, arrow keys, Home and End move
 * between tabs and select them, the panel follows.
 */
export function Tabs<TId extends string>({ label, tabs, selected, onSelect }: TabsProps<TId>) {
  const baseId = useId();
  const refs = useRef(new Map<TId, HTMLButtonElement>());
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {tabs.map((tab) => {
          const isSelected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) refs.current.set(tab.id, node);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={isSelected}
              aria-controls={isSelected ? `${baseId}-panel-${tab.id}` : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              className={cx(
                '-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600',
                isSelected
                  ? 'border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div role="tabpanel" id={`${baseId}-panel-${current.id}`} aria-labelledby={`${baseId}-tab-${current.id}`} className="pt-6">
          {current.panel()}
        </div>
      ) : null}
    </div>
  );
}
