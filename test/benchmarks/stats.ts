/** The statistics every benchmark script prints (one definition, so their tables compare). */

/** The median; of an even count, the mean of the two middle values. */
export function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The value at fraction `f` (0 to 1) of the sorted values, without interpolation (q1 = 0.25, q3 = 0.75). */
export function quantile(v: number[], f: number): number {
  return [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(f * v.length))];
}

/** `min–max`, each with `digits` decimals. */
export function range(v: number[], digits: number): string {
  return `${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)}`;
}
