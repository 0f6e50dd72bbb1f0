"use client";
import { useTranslations } from "next-intl";
import { updateRatingSettingsAction } from "@/server/actions/campaigns/update-rating-settings-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formKey } from "@/components/ui/form-key";
import { useActionForm } from "@/components/ui/use-action-form";

const EXAMPLE = `{
  "bands": [{ "stars": 5, "minScore": 90 }, { "stars": 4, "minScore": 80 }, { "stars": 3, "minScore": 70 }, { "stars": 2, "minScore": 60 }, { "stars": 1, "minScore": 0 }],
  "manualItems": [{ "id": "superior-review", "label": "上级党组织综合评价", "maxPoints": 20 }],
  "vetoItems": [{ "id": "discipline", "label": "发生严重违纪问题", "capScore": 59 }]
}`;

/** The campaign's rating scheme as JSON in the rules format (docs/rules.md, docs/ratings.md). */
export function RatingSettingsForm({
  campaignId,
  version,
  ratingJson,
}: {
  campaignId: string;
  version: number;
  ratingJson: string;
}) {
  const t = useTranslations("campaigns.ratingSettings");
  const tc = useTranslations("common");
  const { state, action, values: v, errors: e } = useActionForm(updateRatingSettingsAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="rating-settings-h"
    >
      <h2 id="rating-settings-h" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <Field name="rating" label={t("label")} hint={t("hint")} errors={e?.rating}>
        {(p) => (
          <textarea
            {...p}
            name="ratingJson"
            rows={10}
            spellCheck={false}
            defaultValue={v?.ratingJson ?? ratingJson}
            placeholder={EXAMPLE}
            className={`${inputClass} font-mono text-sm`}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={tc("actions.saving")}>{tc("actions.save")}</SubmitButton>
      </div>
    </form>
  );
}
