import { arrow, autoUpdate, flip, limitShift, offset, shift, useFloating } from '@floating-ui/react-dom';
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const arrowWidth = 10;
const arrowHeight = 5;
// Kept from the Radix tooltip this replaces: its gap to the trigger, and its margin to the viewport's edge.
const sideOffset = 6;
const collisionPadding = 8;

export interface TooltipBubbleProps {
  /** The trigger: the bubble sits above it (below when there is no room) and follows it. */
  anchor: HTMLElement;
  children: ReactNode;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/**
 * A tooltip's bubble and arrow, loaded on demand by `Tooltip`, placed as Radix's popper placed
 * them (the same floating-ui collision middleware, in the same order).
 */
export function TooltipBubble({ anchor, children, onPointerEnter, onPointerLeave }: TooltipBubbleProps) {
  const [bubble, setBubble] = useState<HTMLDivElement | null>(null);
  const [arrowElement, setArrowElement] = useState<HTMLSpanElement | null>(null);
  const { floatingStyles, placement, isPositioned, middlewareData } = useFloating({
    strategy: 'fixed',
    placement: 'top',
    elements: { reference: anchor, floating: bubble },
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(sideOffset + arrowHeight),
      shift({ padding: collisionPadding, limiter: limitShift() }),
      flip({ padding: collisionPadding }),
      arrow({ element: arrowElement }),
    ],
  });
  // `flip` only ever trades top for bottom, so these are the two sides to draw.
  const below = placement.startsWith('bottom');
  return createPortal(
    <div
      ref={setBubble}
      role="tooltip"
      // Hidden until measured and placed, so it never shows at the corner of the page.
      style={{ ...floatingStyles, visibility: isPositioned ? undefined : 'hidden' }}
      className="z-50 max-w-xs rounded-lg bg-slate-900 px-3 py-2 text-xs text-white shadow-lg dark:bg-slate-700"
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {children}
      <span
        ref={setArrowElement}
        style={{
          position: 'absolute',
          left: middlewareData.arrow?.x,
          ...(below ? { top: 0, transformOrigin: 'center 0', transform: 'rotate(180deg)' } : { bottom: 0, transform: 'translateY(100%)' }),
          // Shifted so far that the arrow would miss the trigger: no arrow.
          visibility: middlewareData.arrow?.centerOffset === 0 ? undefined : 'hidden',
        }}
      >
        <svg aria-hidden="true" width={arrowWidth} height={arrowHeight} viewBox="0 0 30 10" preserveAspectRatio="none" className="block fill-slate-900 dark:fill-slate-700">
          <polygon points="0,0 30,0 15,10" />
        </svg>
      </span>
    </div>,
    document.body,
  );
}
