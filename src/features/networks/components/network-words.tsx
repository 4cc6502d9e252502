import type { ReactNode } from 'react';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import type { NetworkStatus } from '../../../domain/api';

/** Neutron's network statuses in words, and the family (colour) each belongs to. */
export const networkStatusLook: Record<NetworkStatus, { label: string; tone: StatusTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  BUILD: { label: 'Building', tone: 'progress' },
  DOWN: { label: 'Down', tone: 'attention' },
  ERROR: { label: 'Error', tone: 'danger' },
};

/** A port's status: ACTIVE, DOWN (not bound, or its device is off) or BUILD. */
const portStatusLook: Record<string, { label: string; tone: StatusTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  BUILD: { label: 'Building', tone: 'progress' },
  DOWN: { label: 'Down', tone: 'neutral' },
  ERROR: { label: 'Error', tone: 'danger' },
};

const look = (table: Record<string, { label: string; tone: StatusTone }>, status: string) => table[status] ?? { label: status, tone: 'neutral' as const };

export function NetworkStatusBadge({ status }: { status: string }) {
  const { label, tone } = look(networkStatusLook, status);
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}

export function PortStatusBadge({ status, adminStateUp }: { status: string; adminStateUp: boolean }) {
  const { label, tone } = look(portStatusLook, status);
  return (
    <StatusBadge tone={adminStateUp ? tone : 'neutral'}>
      {label}
      {adminStateUp ? '' : ' · admin down'}
    </StatusBadge>
  );
}

export function networkStatusLabel(status: string): string {
  return look(networkStatusLook, status).label;
}

/** Neutron's `admin_state_up` in words: a network or port its owner (or an admin) switched off is down. */
export function adminStateWords(up: boolean): string {
  return up ? 'Up' : 'Down';
}

export function YesNo({ value }: { value: boolean }) {
  return value ? <span>Yes</span> : <span className="text-slate-500 dark:text-slate-400">No</span>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-500 dark:text-slate-400">{children}</span>;
}
