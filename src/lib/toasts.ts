import { create } from 'zustand';

export type ToastTone = 'success' | 'danger' | 'info';

export interface ToastMessage {
  id: string;
  title: string;
  description?: string | undefined;
  /** Nova's own words, shown under the description. */
  detail?: string | undefined;
  tone: ToastTone;
  /** A link in the toast, e.g. to the server. */
  link?: { href: string; label: string } | undefined;
}

interface ToastState {
  toasts: ToastMessage[];
  push: (toast: Omit<ToastMessage, 'id'>) => string;
  dismiss: (id: string) => void;
  clear: () => void;
}

/** The toasts on screen (UI state only). Shown by the shell's toast host; any feature may push one. */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (toast) => {
    const id = crypto.randomUUID();
    // A handful at most: older ones make room.
    set((state) => ({ toasts: [...state.toasts.slice(-4), { ...toast, id }] }));
    return id;
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  clear: () => set({ toasts: [] }),
}));

export function showToast(toast: Omit<ToastMessage, 'id'>): string {
  return useToasts.getState().push(toast);
}
