/** A self-report's status as words in a tinted chip: the words carry the meaning, the color only helps. */
export function ReportStatusBadge({
  status,
  voided,
  label,
}: {
  status: string;
  voided: boolean;
  label: string;
}) {
  const tone = voided
    ? "bg-stone-100 text-stone-700 ring-stone-300"
    : status === "APPROVED"
      ? "bg-green-50 text-green-900 ring-green-200"
      : status === "RETURNED"
        ? "bg-red-50 text-red-900 ring-red-200"
        : status === "SUBMITTED"
          ? "bg-amber-50 text-amber-900 ring-amber-200"
          : "bg-stone-100 text-stone-800 ring-stone-300";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${tone}`}>
      {label}
    </span>
  );
}

/** The status key of the message catalogue: a voided record reads "voided" whatever its status. */
export function reportStatusKey(report: { status: string; voidedAt: Date | null }): string {
  return report.voidedAt ? "VOIDED" : report.status;
}
