// Command-line options shared by the bench scripts.
import { BenchRefusal } from "./database";

export function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < 1) throw new BenchRefusal(`--${name} must be a whole number ≥ 1 (got "${text}").`);
  return value;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US").replace(/,/g, " ");
}
