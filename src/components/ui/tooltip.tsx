import {
  cloneElement,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { whenIdle } from '../../lib/when-idle';

export interface TooltipProps {
  /** Nothing to say: the tooltip stays closed (the trigger keeps its place in the tree, and so its focus). */
  content: ReactNode | undefined;
  /** One element that passes pointer, focus and click handlers on to its DOM element (the trigger). Give it an accessible name of its own too. */
  children: ReactElement<TriggerProps>;
}

interface TriggerProps {
  onPointerMove?: ((event: PointerEvent<HTMLElement>) => void) | undefined;
  onPointerLeave?: ((event: PointerEvent<HTMLElement>) => void) | undefined;
  onPointerDown?: ((event: PointerEvent<HTMLElement>) => void) | undefined;
  onFocus?: ((event: FocusEvent<HTMLElement>) => void) | undefined;
  onBlur?: ((event: FocusEvent<HTMLElement>) => void) | undefined;
  onClick?: ((event: MouseEvent<HTMLElement>) => void) | undefined;
}

const openDelayMs = 250;
// Long enough to cross the gap between trigger and bubble, so that the bubble can be hovered (WCAG 1.4.13).
const hoverGraceMs = 100;

// Positioning (floating-ui) is most of a tooltip's code and no row needs it until one is shown.
const loadBubble = () => import('./tooltip-bubble');
const TooltipBubble = lazy(async () => ({ default: (await loadBubble()).TooltipBubble }));
const preloadBubble = () => void loadBubble();
let idlePreloadPlanned = false;

// One tooltip at a time, as Radix did: hovering one closes the one the keyboard opened.
let closeShown: (() => void) | undefined;

/**
 * A hint on hover and focus. It repeats what the trigger says to assistive technology. The trigger
 * is the child itself with handlers added, never wrapped or swapped, so the element a user or a
 * screen reader holds stays the same while the bubble's code loads and while the content changes.
 */
export function Tooltip({ content, children }: TooltipProps) {
  const { anchor, triggerProps, bubbleProps } = useTooltip(content, children.props);
  return (
    <>
      {cloneElement(children, triggerProps)}
      {anchor ? (
        <Suspense fallback={null}>
          <TooltipBubble anchor={anchor} {...bubbleProps}>
            {content}
          </TooltipBubble>
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Opens and closes as Radix's tooltip did: after a delay on hover (not on touch), at once on
 * keyboard focus but not on the focus a press gives; closes on leave (the bubble itself can be
 * hovered), blur, press, Escape and scroll. `anchor` is the trigger while the bubble is shown.
 */
function useTooltip(content: ReactNode | undefined, own: TriggerProps) {
  const [openOn, setOpenOn] = useState<HTMLElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const hovering = useRef(false);
  const pressing = useRef(false);

  // At most one pending open or close: a new one replaces it, none cancels it.
  const later = useCallback((task?: () => void, ms = 0) => {
    clearTimeout(timer.current);
    timer.current = task && setTimeout(task, ms);
  }, []);
  const show = (element: HTMLElement) => {
    later();
    setOpenOn(element);
  };
  const hide = useCallback(() => {
    later();
    setOpenOn(null);
  }, [later]);
  const anchor = content === undefined ? null : openOn;

  useEffect(() => () => later(), [later]);
  useEffect(() => {
    if (idlePreloadPlanned) return;
    idlePreloadPlanned = true;
    // Not cancelled on unmount: whichever tooltip comes next wants the same code.
    whenIdle(preloadBubble);
  }, []);
  useEffect(() => {
    if (!anchor) return undefined;
    closeShown?.();
    closeShown = hide;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Before any dialog's own Escape (Radix layers skip a prevented one): this Escape closes only the tooltip.
      event.preventDefault();
      hide();
    };
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && event.target.contains(anchor)) hide();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('scroll', onScroll, { capture: true });
    return () => {
      if (closeShown === hide) closeShown = undefined;
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [anchor, hide]);

  const triggerProps: TriggerProps = {
    onPointerMove: (event) => {
      own.onPointerMove?.(event);
      if (event.pointerType === 'touch' || hovering.current) return;
      hovering.current = true;
      // Back from the bubble (or open from focus): it stays.
      if (openOn) return later();
      preloadBubble();
      const element = event.currentTarget;
      later(() => show(element), openDelayMs);
    },
    onPointerLeave: (event) => {
      own.onPointerLeave?.(event);
      hovering.current = false;
      later(openOn ? hide : undefined, hoverGraceMs);
    },
    onPointerDown: (event) => {
      own.onPointerDown?.(event);
      hide();
      pressing.current = true;
      document.addEventListener('pointerup', () => (pressing.current = false), { once: true });
    },
    onFocus: (event) => {
      own.onFocus?.(event);
      if (pressing.current) return;
      preloadBubble();
      show(event.currentTarget);
    },
    onBlur: (event) => {
      own.onBlur?.(event);
      hide();
    },
    onClick: (event) => {
      own.onClick?.(event);
      hide();
    },
  };
  const bubbleProps = { onPointerEnter: () => later(), onPointerLeave: () => later(hide, hoverGraceMs) };
  return { anchor, triggerProps, bubbleProps };
}
