import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/actor";
import { listAppraisalRounds } from "@/server/data/appraisal/get-appraisal";

/** On "我的": the open appraisal rounds still waiting for the member's ballot (nothing otherwise). */
export async function AppraisalReminder({ actor }: { actor: Actor }) {
  const [{ rounds }, t] = await Promise.all([
    listAppraisalRounds(actor),
    getTranslations("appraisal"),
  ]);
  const waiting = rounds.filter((r) => r.state === "open" && r.mayVote && !r.hasVoted);
  if (waiting.length === 0) return null;
  return (
    <section aria-label={t("title")} className="rounded-md border border-red-200 bg-red-50 p-3">
      <ul className="grid gap-1">
        {waiting.map((r) => (
          <li key={r.id}>
            <Link href={`/appraisal/${r.id}`} className="font-medium text-red-800 underline">
              {r.title}
            </Link>{" "}
            · {t("youMayVote")}
          </li>
        ))}
      </ul>
    </section>
  );
}
