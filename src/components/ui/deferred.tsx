import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { whenIdle } from '../../lib/when-idle';

/** What a placeholder wires to its trigger. */
export interface Stand {
  /** The user may want it soon (pointer or focus on the trigger): load the code now. */
  preload: () => void;
  /** Pressed: the loaded component takes the placeholder's place; it mounts open. */
  open: () => void;
}

export type DeferredProps<P> = P & {
  /** Stands in until pressed; it looks and is named like the loaded trigger. */
  placeholder: (stand: Stand) => ReactNode;
};

/**
 * A menu whose code the first screen can do without (Radix menus, with their popper): the code
 * loads once the browser is idle, or when the user reaches for the placeholder. The placeholder
 * stays until it is pressed, so an element a user or assistive technology holds is never swapped
 * under them at some random moment. Pressed, the loaded component mounts in its place, open (a
 * Radix menu then moves the focus into itself, and back to its own trigger when it closes).
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = (): Promise<unknown> =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));

  function Deferred({ placeholder, ...props }: DeferredProps<P>) {
    const [pressed, setPressed] = useState(false);
    const [ready, setReady] = useState(loaded !== undefined);
    useEffect(() => whenIdle(() => void preload()), []);
    useEffect(() => {
      if (!pressed || ready) return undefined;
      let live = true;
      void preload().then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, [pressed, ready]);
    const Loaded = pressed && ready ? loaded : undefined;
    if (Loaded) return <Loaded {...(props as P)} />;
    return placeholder({ preload: () => void preload(), open: () => setPressed(true) });
  }
  return Deferred;
}
