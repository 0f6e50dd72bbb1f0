/** An item's verdict (or "awaiting", "withdrawn") as words in a tinted chip. */
export function VerdictBadge({ kind, label }: { kind: string; label: string }) {
  const tone =
    kind === "FULFILLED"
      ? "bg-green-50 text-green-900 ring-green-200"
      : kind === "PARTLY"
        ? "bg-amber-50 text-amber-900 ring-amber-200"
        : kind === "NOT_FULFILLED"
          ? "bg-red-50 text-red-900 ring-red-200"
          : kind === "withdrawn"
            ? "bg-stone-100 text-stone-700 ring-stone-300"
            : "bg-sky-50 text-sky-900 ring-sky-200";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${tone}`}>
      {label}
    </span>
  );
}

/** The message key of an item's state. */
export function verdictKey(item: { verdict: string | null; withdrawnAt: Date | null }): string {
  if (item.withdrawnAt) return "withdrawn";
  return item.verdict ?? "none";
}
