/** oslo's `isotime` as Neutron and Glance render timestamps: UTC, whole seconds, `Z`. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
