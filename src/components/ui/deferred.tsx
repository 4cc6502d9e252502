import { useEffect, useState, type ComponentType, type FocusEventHandler, type ReactNode } from 'react';
import { whenIdle } from '../../lib/when-idle';

/** What a placeholder wires to its trigger. */
export interface Stand {
  onFocus: FocusEventHandler;
  onBlur: FocusEventHandler;
  /** The user is about to want it (the pointer came near): load the code. */
  preload: () => void;
  /** Pressed: the loaded component mounts open, and takes over even from a focused placeholder. */
  open: () => void;
  /** For what opens on hover: while the pointer is over, the loaded component mounts open. */
  hover: (over: boolean) => void;
}

export type DeferredProps<P> = P & {
  /** Stands in until the code is here; it should look and sound like the loaded trigger. */
  placeholder: (stand: Stand) => ReactNode;
};

/**
 * A component whose code the first screen can do without (Radix menus and tooltips, with their
 * popper): loaded once the browser is idle, or at once when the user points at, focuses or presses
 * its placeholder. The swap never happens under a focused placeholder (that element goes, and the
 * focus with it), unless the user pressed it. Pressed, or hovered for what opens on hover, the loaded component
 * mounts with `openAtOnce`.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P & { openAtOnce: boolean }>>) {
  let loaded: ComponentType<P & { openAtOnce: boolean }> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = (): Promise<unknown> =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));

  function Deferred({ placeholder, ...props }: DeferredProps<P>) {
    const [ready, setReady] = useState(loaded !== undefined);
    const [focused, setFocused] = useState(false);
    const [pressed, setPressed] = useState(false);
    const [hovered, setHovered] = useState(false);
    useEffect(() => {
      if (ready) return undefined;
      let live = true;
      const arrive = () => void preload().then(() => live && setReady(true));
      const cancel = whenIdle(arrive);
      return () => {
        live = false;
        cancel();
      };
    }, [ready]);
    const arriveNow = () => void preload().then(() => setReady(true));
    const Loaded = ready ? loaded : undefined;
    if (Loaded && (!focused || pressed)) return <Loaded {...(props as P)} openAtOnce={pressed || hovered} />;
    return placeholder({
      onFocus: () => {
        setFocused(true);
        arriveNow();
      },
      onBlur: () => setFocused(false),
      preload: arriveNow,
      open: () => {
        setPressed(true);
        arriveNow();
      },
      hover: (over) => {
        setHovered(over);
        if (over) arriveNow();
      },
    });
  }
  return Deferred;
}
