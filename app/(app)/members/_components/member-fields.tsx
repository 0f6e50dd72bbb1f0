"use client";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import {
  CADRE_LEVELS,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_POSITIONS,
  MEMBER_STATUSES,
} from "@/lib/schemas/member";
import type { MemberOrgOption } from "@/server/data/members/list-member-orgs";
import { positionLabel } from "./position-label";

/** The form's values as strings (dates "YYYY-MM-DD", positions comma-separated), as ActionResult.values holds them. */
export type MemberFormValues = Partial<
  Record<
    | "number"
    | "name"
    | "gender"
    | "orgId"
    | "orgFrom"
    | "status"
    | "category"
    | "cadreLevel"
    | "positions"
    | "joinedAt"
    | "fullMemberAt"
    | "birthDate"
    | "phone",
    string
  >
>;

export function orgOptionLabel(
  org: Pick<MemberOrgOption, "name" | "nameEn" | "depth">,
  locale: string,
): string {
  // Options cannot be styled on every browser; ideographic spaces show the tree.
  return "\u3000".repeat(org.depth) + (locale === "en" && org.nameEn ? org.nameEn : org.name);
}

/**
 * The member fields shared by the create and edit forms, each with its error beside it.
 * `orgs` (create only) adds the organization and its start date.
 */
export function MemberFields({
  values,
  errors,
  orgs,
  today,
}: {
  values: MemberFormValues;
  errors?: Record<string, string[]>;
  orgs?: MemberOrgOption[];
  today: string;
}) {
  const t = useTranslations("members");
  const tc = useTranslations("common");
  const locale = useLocale();
  const chosenPositions = new Set((values.positions ?? "").split(",").filter(Boolean));
  // Codes the member holds that the form does not offer stay checked, so saving keeps them.
  const offered = [
    ...MEMBER_POSITIONS,
    ...[...chosenPositions].filter((p) => !(MEMBER_POSITIONS as readonly string[]).includes(p)),
  ];
  const select = (
    name: keyof MemberFormValues,
    options: readonly string[],
    labelOf: (v: string) => string,
    placeholder = true,
  ) => (
    <Field name={name} label={t(`fields.${name}`)} errors={errors?.[name]}>
      {(p) => (
        <select
          {...p}
          name={name}
          defaultValue={values[name] ?? ""}
          required={placeholder}
          className={inputClass}
        >
          {placeholder ? <option value="">{t("choose")}</option> : null}
          {options.map((o) => (
            <option key={o} value={o}>
              {labelOf(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const dateField = (
    name: "joinedAt" | "fullMemberAt" | "birthDate" | "orgFrom",
    hint?: string,
  ) => (
    <Field name={name} label={t(`fields.${name}`)} errors={errors?.[name]} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="date"
          name={name}
          max={today}
          defaultValue={values[name] ?? ""}
          className={inputClass}
        />
      )}
    </Field>
  );

  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="number"
          label={t("fields.number")}
          errors={errors?.number}
          hint={t("hints.number")}
        >
          {(p) => (
            <input
              {...p}
              name="number"
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.number ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="name" label={t("fields.name")} errors={errors?.name}>
          {(p) => (
            <input
              {...p}
              name="name"
              required
              autoComplete="off"
              defaultValue={values.name ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      {orgs ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="orgId" label={t("fields.org")} errors={errors?.orgId} hint={t("hints.org")}>
            {(p) => (
              <select
                {...p}
                name="orgId"
                required
                defaultValue={values.orgId ?? ""}
                className={inputClass}
              >
                <option value="">{t("choose")}</option>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {orgOptionLabel(o, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {dateField("orgFrom", t("hints.orgFrom"))}
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {select("gender", GENDERS, (v) => tc(`gender.${v}`))}
        {select("status", MEMBER_STATUSES, (v) => tc(`memberStatus.${v}`))}
        {select("category", MEMBER_CATEGORIES, (v) => tc(`memberCategory.${v}`))}
        {select("cadreLevel", CADRE_LEVELS, (v) => tc(`cadreLevel.${v}`), false)}
      </div>
      <fieldset
        className="flex flex-col gap-1"
        aria-describedby="field-positions-hint field-positions-error"
      >
        <legend className="text-sm font-medium text-stone-800">{t("fields.positions")}</legend>
        <p id="field-positions-hint" className="text-xs text-stone-600">
          {t("hints.positions")}
        </p>
        <div className="grid grid-cols-2 gap-x-3 sm:grid-cols-4">
          {offered.map((position) => (
            <label
              key={position}
              className="flex min-h-11 items-center gap-2 text-sm text-stone-800"
            >
              <input
                type="checkbox"
                name="positions"
                value={position}
                defaultChecked={chosenPositions.has(position)}
                className="size-5 accent-red-800"
              />
              {positionLabel(position, tc, t)}
            </label>
          ))}
        </div>
        <p id="field-positions-error" className="text-sm text-red-700" aria-live="polite">
          {errors?.positions?.join("；")}
        </p>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        {dateField("joinedAt")}
        {dateField("fullMemberAt", t("hints.fullMemberAt"))}
        {dateField("birthDate")}
      </div>
      <Field name="phone" label={t("fields.phone")} errors={errors?.phone}>
        {(p) => (
          <input
            {...p}
            type="tel"
            name="phone"
            inputMode="tel"
            autoComplete="off"
            defaultValue={values.phone ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      {errors?.developmentStage ? (
        <p className="text-sm text-red-700" role="alert">
          {t("fields.developmentStage")}：{errors.developmentStage.join("；")}
        </p>
      ) : null}
    </div>
  );
}
