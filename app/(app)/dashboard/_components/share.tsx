import type { Cell } from "@/server/data/dashboard/dashboard-view";
import { percentText } from "@/server/data/dashboard/dashboard-text";

/** Colour bands of a share met. The number is always printed in the cell: colour is never the only signal. */
export const SHARE_BANDS = [
  { min: 0.9, className: "bg-green-700 text-white", swatch: "#15803d" },
  { min: 0.75, className: "bg-green-200 text-green-950", swatch: "#bbf7d0" },
  { min: 0.5, className: "bg-yellow-200 text-yellow-950", swatch: "#fef08a" },
  { min: 0.25, className: "bg-orange-300 text-orange-950", swatch: "#fdba74" },
  { min: 0, className: "bg-red-700 text-white", swatch: "#b91c1c" },
] as const;

export const NO_SUBJECTS_CLASS = "bg-stone-100 text-stone-600";

export function shareClass(share: number | null): string {
  if (share === null) return NO_SUBJECTS_CLASS;
  return (SHARE_BANDS.find((b) => share >= b.min) ?? SHARE_BANDS[4]).className;
}

/** "83.3%" with "5/6" below it. */
export function ShareFigure({ cell, locale }: { cell: Cell; locale: string }) {
  if (cell.subjects === 0) return <span>—</span>;
  return (
    <>
      <span className="block font-semibold tabular-nums">{percentText(cell.share, locale)}</span>
      <span className="block text-xs tabular-nums">
        {cell.met}/{cell.subjects}
      </span>
    </>
  );
}

/** A thin bar of the share met, beside the number (decorative: the number is the figure). */
export function ShareBar({ share }: { share: number | null }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-2 w-20 overflow-hidden rounded bg-stone-200 align-middle"
    >
      <span
        className="block h-2 bg-green-700"
        style={{ width: `${Math.round((share ?? 0) * 100)}%` }}
      />
    </span>
  );
}
