import { formatDecimal } from "@/lib/number-format";
/**
 * Stars as text: "★★★★☆ 4星" — the glyphs and the number carry the meaning, never a colour.
 * The glyph string is hidden from screen readers, which read the label instead.
 */
export function Stars({ stars, label }: { stars: number; label: string }) {
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return (
    <span className="inline-flex items-baseline gap-1 whitespace-nowrap">
      <span aria-hidden="true" className="tracking-tight text-red-800">
        {"★".repeat(n)}
        {"☆".repeat(5 - n)}
      </span>
      <span className="text-stone-900">{label}</span>
    </span>
  );
}

/** Score with two decimals at most, e.g. 84.34. */
export function formatScore(score: number, locale: string): string {
  return formatDecimal(score, locale, 2);
}
