"use client";
import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { LinkButton } from "@/components/ui/link-button";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  ACTIVITY_TYPES,
  CADRE_LEVELS,
  KNOWN_SUB_TYPES,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  METRICS,
  N_MONTHS,
  ORG_KINDS,
  ORG_LEVELS,
  PERIOD_KINDS,
  SUBJECT_POSITIONS,
  TARGET_OPS,
} from "@/lib/schemas/campaign";
import { upsertQuotaAction } from "@/server/actions/campaigns/upsert-quota-action";

/** A composite part in the rules format, shown as an example beside the JSON box. */
const PART_EXAMPLE = `[
  { "id": "lecture", "name": "一次党课", "metric": "count",
    "activity": { "types": ["LECTURE_GIVEN"] }, "target": { "op": "atLeast", "value": 1 } },
  { "id": "hours", "name": "合计 20 小时", "metric": "sumHours",
    "activity": { "types": ["LECTURE_GIVEN", "VOLUNTEER_SERVICE"] }, "target": { "op": "atLeast", "value": 20 } }
]`;

type Errors = Record<string, string[]> | undefined;

/** Check boxes for one list field, with its error beside the group. */
function CheckboxGroup({
  name,
  legend,
  options,
  chosen,
  errors,
  hint,
  columns = "sm:grid-cols-4",
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  chosen: Set<string>;
  errors: Errors;
  hint?: string;
  columns?: string;
}) {
  const errorId = `field-${name}-error`;
  const hintId = `field-${name}-hint`;
  const list = errors?.[name];
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={[hint ? hintId : null, errorId].filter(Boolean).join(" ")}
      aria-invalid={list?.length ? true : undefined}
    >
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      <div className={`grid grid-cols-2 gap-x-3 ${columns}`}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm text-stone-800">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={chosen.has(o.value)}
              className="size-5 shrink-0 accent-red-800"
            />
            {o.label}
          </label>
        ))}
      </div>
      <p id={errorId} className="text-sm text-red-700" aria-live="polite">
        {list?.join("；")}
      </p>
    </fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The structured quota editor. Fields follow the rules format one to one; whatever the rules
 * refuse comes back beside the field it concerns, with the rules path in the message.
 * Composite quotas are edited as a JSON array of parts (the CLI's format), validated the same way.
 */
export function QuotaForm({
  campaignId,
  version,
  values: initial,
  phases,
  isNew,
}: {
  campaignId: string;
  version: number;
  values: Record<string, string>;
  phases: { id: string; name: string }[];
  isNew: boolean;
}) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const [state, action] = useActionState(upsertQuotaAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const values = failed?.values ?? initial;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      className="grid gap-4"
      aria-label={t(isNew ? "quotaForm.newTitle" : "quotaForm.editTitle")}
    >
      <QuotaFields
        t={t}
        tc={tc}
        values={values}
        errors={failed?.fieldErrors}
        phases={phases}
        campaignId={campaignId}
        version={version}
      />
      <FormMessage state={failed} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingText={t("quotaForm.saving")}>{t("quotaForm.save")}</SubmitButton>
        <LinkButton href={`/campaigns/${campaignId}`} variant="secondary">
          {t("quotaForm.cancel")}
        </LinkButton>
      </div>
    </form>
  );
}

function QuotaFields({
  t,
  tc,
  values,
  errors,
  phases,
  campaignId,
  version,
}: {
  t: ReturnType<typeof useTranslations>;
  tc: ReturnType<typeof useTranslations>;
  values: Record<string, string>;
  errors: Errors;
  phases: { id: string; name: string }[];
  campaignId: string;
  version: number;
}) {
  const [structure, setStructure] = useState(values.structure ?? "simple");
  const [subjectKind, setSubjectKind] = useState(values.subjectKind ?? "organization");
  const [periodKind, setPeriodKind] = useState(values.periodKind ?? "calendarYear");
  const [targetOp, setTargetOp] = useState(values.targetOp ?? "atLeast");
  const list = (name: string) => new Set((values[name] ?? "").split(",").filter(Boolean));
  const label = (key: string, code: string) =>
    t.has(`${key}.${code}`) ? t(`${key}.${code}`) : code;
  const common = (key: string, code: string) =>
    tc.has(`${key}.${code}`) ? tc(`${key}.${code}`) : code;
  const formErrors = errors?._form;

  const text = (
    name: string,
    extra: { hint?: string; required?: boolean; mono?: boolean } = {},
  ) => (
    <Field name={name} label={t(`quotaForm.${name}`)} errors={errors?.[name]} hint={extra.hint}>
      {(p) => (
        <input
          {...p}
          name={name}
          required={extra.required}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values[name] ?? ""}
          className={`${inputClass} ${extra.mono ? "font-mono" : ""}`}
        />
      )}
    </Field>
  );
  const number = (name: string, extra: { hint?: string; step?: string } = {}) => (
    <Field name={name} label={t(`quotaForm.${name}`)} errors={errors?.[name]} hint={extra.hint}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="decimal"
          step={extra.step ?? "any"}
          name={name}
          defaultValue={values[name] ?? ""}
          className={inputClass}
        />
      )}
    </Field>
  );

  return (
    <>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="originalQuotaId" value={values.originalQuotaId ?? ""} />
      <input type="hidden" name="ref" value={values.ref ?? ""} />
      {formErrors?.length ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}

      <Section title={t("quotaForm.basics")}>
        <div className="grid gap-3 sm:grid-cols-2">
          {text("name", { required: true })}
          {text("quotaId", { required: true, hint: t("quotaForm.quotaIdHint"), mono: true })}
          {text("nameEn")}
          {text("unit", { hint: t("quotaForm.unitHint") })}
        </div>
        <Field name="structure" label={t("quotaForm.structure")} errors={errors?.structure}>
          {(p) => (
            <select
              {...p}
              name="structure"
              value={structure}
              onChange={(e) => setStructure(e.target.value)}
              className={inputClass}
            >
              <option value="simple">{t("quotaForm.structureSimple")}</option>
              <option value="composite">{t("quotaForm.structureComposite")}</option>
            </select>
          )}
        </Field>
      </Section>

      <Section title={t("quotaForm.measure")}>
        {structure === "composite" ? (
          <Field
            name="compositeParts"
            label={t("quotaForm.compositeParts")}
            errors={errors?.compositeParts}
            hint={t("quotaForm.compositePartsHint")}
          >
            {(p) => (
              <>
                <textarea
                  {...p}
                  name="compositeParts"
                  rows={14}
                  spellCheck={false}
                  defaultValue={values.compositeParts ?? ""}
                  className={`${inputClass} font-mono text-sm`}
                />
                <pre className="overflow-x-auto rounded bg-stone-50 p-2 text-xs text-stone-700">
                  {PART_EXAMPLE}
                </pre>
              </>
            )}
          </Field>
        ) : (
          <>
            <Field name="metric" label={t("quotaForm.metric")} errors={errors?.metric}>
              {(p) => (
                <select
                  {...p}
                  name="metric"
                  defaultValue={values.metric ?? "count"}
                  className={inputClass}
                >
                  {METRICS.map((m) => (
                    <option key={m} value={m}>
                      {label("metric", m)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <CheckboxGroup
              name="activityTypes"
              legend={t("quotaForm.activityTypes")}
              hint={t("quotaForm.activityTypesHint")}
              options={ACTIVITY_TYPES.map((a) => ({ value: a, label: label("activityType", a) }))}
              chosen={list("activityTypes")}
              errors={errors}
            />
            <CheckboxGroup
              name="subTypes"
              legend={t("quotaForm.subTypes")}
              hint={t("quotaForm.subTypesHint")}
              options={KNOWN_SUB_TYPES.map((s) => ({ value: s, label: label("subType", s) }))}
              chosen={list("subTypes")}
              errors={errors}
            />
            {text("subTypesOther", { hint: t("quotaForm.subTypesOtherHint"), mono: true })}
          </>
        )}
      </Section>

      <Section title={t("quotaForm.subjectTitle")}>
        <Field name="subjectKind" label={t("quotaForm.subjectKind")} errors={errors?.subjectKind}>
          {(p) => (
            <select
              {...p}
              name="subjectKind"
              value={subjectKind}
              onChange={(e) => setSubjectKind(e.target.value)}
              className={inputClass}
            >
              <option value="organization">{t("subject.organization")}</option>
              <option value="member">{t("subject.member")}</option>
            </select>
          )}
        </Field>
        <p className="text-xs text-stone-600">{t("quotaForm.filtersHint")}</p>
        {subjectKind === "organization" ? (
          <>
            <CheckboxGroup
              name="orgLevels"
              legend={t("quotaForm.orgLevels")}
              options={ORG_LEVELS.map((l) => ({ value: l, label: common("orgLevel", l) }))}
              chosen={list("orgLevels")}
              errors={errors}
            />
            <CheckboxGroup
              name="orgKinds"
              legend={t("quotaForm.orgKinds")}
              options={ORG_KINDS.map((k) => ({ value: k, label: common("orgKind", k) }))}
              chosen={list("orgKinds")}
              errors={errors}
            />
          </>
        ) : (
          <>
            <CheckboxGroup
              name="categories"
              legend={t("quotaForm.categories")}
              options={MEMBER_CATEGORIES.map((c) => ({
                value: c,
                label: common("memberCategory", c),
              }))}
              chosen={list("categories")}
              errors={errors}
            />
            <CheckboxGroup
              name="cadreLevels"
              legend={t("quotaForm.cadreLevels")}
              options={CADRE_LEVELS.map((c) => ({ value: c, label: common("cadreLevel", c) }))}
              chosen={list("cadreLevels")}
              errors={errors}
            />
            <CheckboxGroup
              name="positions"
              legend={t("quotaForm.positions")}
              options={[...new Set([...SUBJECT_POSITIONS, ...list("positions")])].map((p) => ({
                value: p,
                label: common("positions", p),
              }))}
              chosen={list("positions")}
              errors={errors}
            />
            <CheckboxGroup
              name="statuses"
              legend={t("quotaForm.statuses")}
              options={MEMBER_STATUSES.map((s) => ({ value: s, label: common("memberStatus", s) }))}
              chosen={list("statuses")}
              errors={errors}
            />
            <Field name="match" label={t("quotaForm.match")} errors={errors?.match}>
              {(p) => (
                <select
                  {...p}
                  name="match"
                  defaultValue={values.match ?? "all"}
                  className={inputClass}
                >
                  <option value="all">{t("quotaForm.matchAll")}</option>
                  <option value="any">{t("quotaForm.matchAny")}</option>
                </select>
              )}
            </Field>
          </>
        )}
      </Section>

      <Section title={t("quotaForm.periodTitle")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="periodKind" label={t("quotaForm.periodKind")} errors={errors?.periodKind}>
            {(p) => (
              <select
                {...p}
                name="periodKind"
                value={periodKind}
                onChange={(e) => setPeriodKind(e.target.value)}
                className={inputClass}
              >
                {PERIOD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {label("periodKind", k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {periodKind === "nMonths" ? (
            <Field
              name="periodMonths"
              label={t("quotaForm.periodMonths")}
              errors={errors?.periodMonths}
            >
              {(p) => (
                <select
                  {...p}
                  name="periodMonths"
                  defaultValue={values.periodMonths ?? "2"}
                  className={inputClass}
                >
                  {N_MONTHS.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {periodKind === "nYears" ? number("periodYears", { step: "1" }) : null}
          {periodKind === "phase" ? (
            <Field
              name="periodPhaseId"
              label={t("quotaForm.periodPhaseId")}
              errors={errors?.periodPhaseId}
            >
              {(p) => (
                <select
                  {...p}
                  name="periodPhaseId"
                  defaultValue={values.periodPhaseId ?? phases[0]?.id ?? ""}
                  className={inputClass}
                >
                  {phases.map((ph) => (
                    <option key={ph.id} value={ph.id}>
                      {ph.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
      </Section>

      {structure === "simple" ? (
        <Section title={t("quotaForm.targetTitle")}>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field name="targetOp" label={t("quotaForm.targetOp")} errors={errors?.targetOp}>
              {(p) => (
                <select
                  {...p}
                  name="targetOp"
                  value={targetOp}
                  onChange={(e) => setTargetOp(e.target.value)}
                  className={inputClass}
                >
                  {TARGET_OPS.map((op) => (
                    <option key={op} value={op}>
                      {label("targetOp", op)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {targetOp === "atLeast" ? number("targetValue") : null}
            {targetOp === "between" ? (
              <>
                {number("targetMin")}
                {number("targetMax")}
              </>
            ) : null}
            {targetOp === "shareOfSubjects" ? (
              <>
                {number("targetShare", { hint: t("quotaForm.targetShareHint") })}
                {number("targetInnerValue")}
              </>
            ) : null}
          </div>
        </Section>
      ) : null}

      <Section title={t("quotaForm.options")}>
        {(["proRate", "includeSubtree"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label className="flex min-h-11 items-center gap-2 text-sm text-stone-800">
              <input
                type="checkbox"
                name={name}
                defaultChecked={values[name] === "on" || values[name] === "true"}
                aria-describedby={`field-${name}-error`}
                className="size-5 shrink-0 accent-red-800"
              />
              {t(`quotaForm.${name}`)}
            </label>
            <p id={`field-${name}-error`} className="text-sm text-red-700" aria-live="polite">
              {errors?.[name]?.join("；")}
            </p>
          </div>
        ))}
        <div className="sm:w-1/3">{number("weight")}</div>
      </Section>
    </>
  );
}
