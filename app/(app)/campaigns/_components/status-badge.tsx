import type { ResultStatus } from "@/rules";

const CAMPAIGN_TONES: Record<string, string> = {
  DRAFT: "bg-stone-100 text-stone-800 ring-stone-300",
  ACTIVE: "bg-green-50 text-green-900 ring-green-200",
  CLOSED: "bg-stone-200 text-stone-800 ring-stone-300",
};

const RESULT_TONES: Record<ResultStatus, string> = {
  met: "bg-green-50 text-green-900 ring-green-200",
  onTrack: "bg-sky-50 text-sky-900 ring-sky-200",
  atRisk: "bg-amber-50 text-amber-900 ring-amber-300",
  behind: "bg-red-50 text-red-900 ring-red-200",
  notApplicable: "bg-stone-100 text-stone-700 ring-stone-300",
};

/** A campaign's status as text in a tinted chip: the words carry the meaning, the color only helps. */
export function CampaignStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${CAMPAIGN_TONES[status] ?? CAMPAIGN_TONES.DRAFT}`}
    >
      {label}
    </span>
  );
}

/** A quota result's status (met / on track / at risk / behind / not applicable). */
export function ResultStatusBadge({ status, label }: { status: ResultStatus; label: string }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${RESULT_TONES[status]}`}
    >
      {label}
    </span>
  );
}
