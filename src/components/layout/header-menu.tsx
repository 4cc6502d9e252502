import { deferred } from '../ui/deferred';
import { AccountFace, accountLabel, accountTriggerClass, type HeaderMenuProps } from './account-face';

export type { HeaderMenuProps };

// The Radix menu and its popper are not what a user waits for after signing in.
const DeferredAccountMenu = deferred<HeaderMenuProps>(async () => (await import('./account-menu')).AccountMenu);

/** The account menu; until its code is here, a button that looks and is named the same opens it. */
export function HeaderMenu(props: HeaderMenuProps) {
  return (
    <DeferredAccountMenu
      {...props}
      placeholder={(stand) => (
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={false}
          aria-label={accountLabel(props.session)}
          className={accountTriggerClass}
          onClick={stand.open}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') stand.open();
          }}
          onFocus={stand.preload}
          onPointerEnter={stand.preload}
        >
          <AccountFace session={props.session} />
        </button>
      )}
    />
  );
}
