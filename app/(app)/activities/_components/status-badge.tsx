/** A record's status as words in a tinted chip: the words carry the meaning, the colour only helps. */
export function ActivityStatusBadge({ status, label }: { status: string; label: string }) {
  const tone =
    status === "APPROVED"
      ? "bg-green-50 text-green-900 ring-green-200"
      : status === "SUBMITTED"
        ? "bg-amber-50 text-amber-900 ring-amber-200"
        : status === "RETURNED"
          ? "bg-red-50 text-red-900 ring-red-200"
          : status === "VOIDED"
            ? "bg-stone-200 text-stone-800 ring-stone-300"
            : "bg-stone-50 text-stone-800 ring-stone-200";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${tone}`}>
      {label}
    </span>
  );
}
