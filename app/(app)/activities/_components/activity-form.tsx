"use client";
import { useActionState, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import {
  attendanceFieldName,
  defaultDurationFor,
  RECORDING_TYPE_GROUPS,
  splitTypeChoice,
  subTypesOf,
  typeChoiceValue,
} from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { createActivityAction } from "@/server/actions/activities/create-activity-action";
import { updateActivityAction } from "@/server/actions/activities/update-activity-action";
import type { ActivityOrgOption, CampaignOption } from "@/server/data/activities/recording-options";
import { activityTypeLabel, formatHours, orgLabel } from "./labels";

/** One line of the attendance list. */
export type AttendanceRow = {
  memberId: string;
  number: string;
  name: string;
  /** Set for members added from another organization. */
  orgName: string | null;
  present: boolean;
  reason: string;
  hours: string;
  extra: boolean;
};

export type ActivityFormInitial = {
  id?: string;
  version?: number;
  orgId: string;
  typeValue: string;
  date: string;
  startTime: string;
  durationHours: string;
  place: string;
  topic: string;
  content: string;
  hostMemberId: string;
  days: string;
  rows: AttendanceRow[];
  /** The chosen campaigns; null: the defaults for the organization, date and type. */
  campaignIds: string[] | null;
};

type RosterMember = { id: string; number: string; name: string };
type Match = RosterMember & { orgName: string; orgNameEn: string | null };

/** crypto.randomUUID needs a secure context; an intranet served over plain HTTP has only getRandomValues. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const inPath = (path: string, root: string) => path === root || path.startsWith(root + "/");

/**
 * The recording form, for a new record and for editing a draft or returned one. Built so that a
 * branch meeting with everyone present takes four taps on a phone: the organization (the
 * secretary's branch), the date (today), the duration (from the type), the attendance (the
 * roster on that date, everyone present) and the campaigns (those whose quotas count the type)
 * are filled in; the secretary chooses the type, types the topic and presses 保存并提交.
 *
 * The form keeps its own state and sends it itself (no automatic form reset), so a refused
 * submission keeps everything the user entered, files included. The idempotency key is created
 * in the browser on the first submission and reused by every retry of this form.
 */
export function ActivityForm({
  mode,
  orgs,
  campaigns,
  today,
  initial,
}: {
  mode: "create" | "edit";
  orgs: ActivityOrgOption[];
  campaigns: CampaignOption[];
  today: string;
  initial: ActivityFormInitial;
}) {
  const t = useTranslations("activities");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState<ActionResult<unknown> | undefined, FormData>(
    mode === "create" ? createActivityAction : updateActivityAction,
    undefined,
  );
  const [, startTransition] = useTransition();
  const keyRef = useRef<HTMLInputElement>(null);

  const [orgId, setOrgId] = useState(initial.orgId);
  const [typeValue, setTypeValue] = useState(initial.typeValue);
  const [date, setDate] = useState(initial.date);
  const [duration, setDuration] = useState(initial.durationHours);
  const [durationTouched, setDurationTouched] = useState(mode === "edit");
  const [rows, setRows] = useState<AttendanceRow[]>(initial.rows);
  const [hostMemberId, setHostMemberId] = useState(initial.hostMemberId);
  const [campaignChoice, setCampaignChoice] = useState<string[] | null>(initial.campaignIds);
  const [roster, setRoster] = useState<"ready" | "loading" | "failed">("ready");
  const rosterRequest = useRef(0);
  const [attendanceOpen, setAttendanceOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(
    mode === "edit" && !!(initial.place || initial.content || initial.startTime || initial.days),
  );
  const [submittedIds, setSubmittedIds] = useState<string[]>([]);
  const [fileCount, setFileCount] = useState(0);

  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [searching, setSearching] = useState(false);

  const failed = state?.ok === false ? state : undefined;
  const errors = failed?.fieldErrors ?? {};
  const { type } = splitTypeChoice(typeValue);
  const org = orgs.find((o) => o.id === orgId);

  // Errors of attendance rows come back by position in the list as it was sent.
  const rowErrors = useMemo(() => {
    const byMember = new Map<string, string[]>();
    for (const [key, messages] of Object.entries(failed?.fieldErrors ?? {})) {
      const m = /^attendance\.(\d+)\./.exec(key);
      const memberId = m ? submittedIds[Number(m[1])] : undefined;
      if (memberId) byMember.set(memberId, [...(byMember.get(memberId) ?? []), ...messages]);
    }
    return byMember;
  }, [failed, submittedIds]);
  const hasAttendanceErrors = rowErrors.size > 0;
  const hasMoreErrors = ["startTime", "place", "content", "hostMemberId", "days"].some(
    (k) => errors[k],
  );

  const candidates = campaigns.filter(
    (c) => org && inPath(org.path, c.rootPath) && c.startDate <= date && date <= c.endDate,
  );
  const chosenCampaigns = new Set(
    campaignChoice === null
      ? candidates.filter((c) => c.types.includes(type)).map((c) => c.id)
      : campaignChoice.filter((id) => candidates.some((c) => c.id === id)),
  );

  const presentCount = rows.filter((r) => r.present).length;
  const durationNumber = Number(duration.normalize("NFKC"));
  const durationText =
    Number.isFinite(durationNumber) && duration.trim() ? formatHours(durationNumber) : "—";

  async function loadRoster(nextOrgId: string, nextDate: string) {
    if (!nextOrgId || !/^\d{4}-\d{2}-\d{2}$/.test(nextDate)) return;
    const request = ++rosterRequest.current;
    setRoster("loading");
    try {
      const response = await fetch(
        `/api/activities/roster?orgId=${encodeURIComponent(nextOrgId)}&date=${nextDate}`,
        { cache: "no-store" },
      );
      if (!response.ok) throw new Error(String(response.status));
      const { members } = (await response.json()) as { members: RosterMember[] };
      if (request !== rosterRequest.current) return;
      setRows((previous) => {
        const before = new Map(previous.map((r) => [r.memberId, r]));
        const onRoster = new Set(members.map((m) => m.id));
        return [
          ...members.map(
            (m) =>
              before.get(m.id) ?? {
                memberId: m.id,
                number: m.number,
                name: m.name,
                orgName: null,
                present: true,
                reason: "",
                hours: "",
                extra: false,
              },
          ),
          ...previous.filter((r) => r.extra && !onRoster.has(r.memberId)),
        ];
      });
      setRoster("ready");
    } catch {
      if (request === rosterRequest.current) setRoster("failed");
    }
  }

  async function search() {
    const q = query.trim();
    if (!q) return;
    setSearching(true);
    try {
      const response = await fetch(`/api/activities/member-search?q=${encodeURIComponent(q)}`, {
        cache: "no-store",
      });
      const { members } = response.ok
        ? ((await response.json()) as { members: Match[] })
        : { members: [] };
      setMatches(members);
    } finally {
      setSearching(false);
    }
  }

  function addWalkIn(m: Match) {
    setRows((previous) =>
      previous.some((r) => r.memberId === m.id)
        ? previous
        : [
            ...previous,
            {
              memberId: m.id,
              number: m.number,
              name: m.name,
              orgName: orgLabel({ name: m.orgName, nameEn: m.orgNameEn }, locale),
              present: true,
              reason: "",
              hours: "",
              extra: true,
            },
          ],
    );
  }

  const updateRow = (memberId: string, change: Partial<AttendanceRow>) =>
    setRows((previous) => previous.map((r) => (r.memberId === memberId ? { ...r, ...change } : r)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (keyRef.current && !keyRef.current.value) keyRef.current.value = newIdempotencyKey();
    const data = new FormData(form);
    if (submitter?.name) data.set(submitter.name, submitter.value);
    // An empty file input still sends one empty nameless part: leave it out.
    const files = data.getAll("files").filter((f) => typeof f !== "string" && f.size > 0);
    data.delete("files");
    for (const f of files) data.append("files", f);
    setSubmittedIds(rows.map((r) => r.memberId));
    startTransition(() => formAction(data));
  }

  const typeOptions = RECORDING_TYPE_GROUPS.map((group) => ({
    key: group.key,
    options: group.types.flatMap((code) => [
      { value: code, label: activityTypeLabel(t, code) },
      ...subTypesOf(code).map((sub) => ({
        value: typeChoiceValue(code, sub),
        label: activityTypeLabel(t, code, sub),
      })),
    ]),
  }));
  // A record of a type this form does not offer (recorded elsewhere) keeps its type when edited.
  const offered = typeOptions.some((g) => g.options.some((o) => o.value === initial.typeValue));
  const initialType = splitTypeChoice(initial.typeValue);
  const busy = pending || roster === "loading";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      {mode === "create" ? (
        <input ref={keyRef} type="hidden" name="idempotencyKey" defaultValue="" />
      ) : (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      )}
      <input type="hidden" name="campaignsChosen" value="1" />

      {orgs.length > 1 ? (
        <Field name="orgId" label={t("fields.org")} errors={errors.orgId}>
          {(p) => (
            <select
              {...p}
              name="orgId"
              value={orgId}
              onChange={(e) => {
                setOrgId(e.target.value);
                void loadRoster(e.target.value, date);
              }}
              className={inputClass}
            >
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {"\u3000".repeat(o.depth) + orgLabel(o, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-stone-800">{t("fields.org")}</span>
          <span className="text-base text-stone-900">{org ? orgLabel(org, locale) : "—"}</span>
          <input type="hidden" name="orgId" value={orgId} />
          {errors.orgId ? <p className="text-sm text-red-700">{errors.orgId.join("；")}</p> : null}
        </div>
      )}

      <Field name="type" label={t("fields.type")} errors={errors.type}>
        {(p) => (
          <select
            {...p}
            name="type"
            value={typeValue}
            required
            onChange={(e) => {
              setTypeValue(e.target.value);
              if (!durationTouched)
                setDuration(formatHours(defaultDurationFor(splitTypeChoice(e.target.value).type)));
            }}
            className={inputClass}
          >
            <option value="">{t("form.chooseType")}</option>
            {typeOptions.map((group) => (
              <optgroup key={group.key} label={t(`typeGroup.${group.key}`)}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {!offered && initial.typeValue ? (
              <option value={initial.typeValue}>
                {activityTypeLabel(t, initialType.type, initialType.subType)}
              </option>
            ) : null}
          </select>
        )}
      </Field>

      <Field name="topic" label={t("fields.topic")} errors={errors.topic}>
        {(p) => (
          <input
            {...p}
            name="topic"
            required
            maxLength={200}
            autoComplete="off"
            defaultValue={initial.topic}
            className={inputClass}
          />
        )}
      </Field>

      <div className="grid grid-cols-2 gap-3">
        <Field name="date" label={t("fields.date")} errors={errors.date}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="date"
              required
              max={today}
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                void loadRoster(orgId, e.target.value);
              }}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="durationHours" label={t("fields.durationHours")} errors={errors.durationHours}>
          {(p) => (
            <input
              {...p}
              name="durationHours"
              inputMode="decimal"
              required
              autoComplete="off"
              value={duration}
              onChange={(e) => {
                setDuration(e.target.value);
                setDurationTouched(true);
              }}
              className={inputClass}
            />
          )}
        </Field>
      </div>

      <details
        open={moreOpen || hasMoreErrors}
        onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        className="rounded-md border border-stone-300"
      >
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-stone-800">
          {t("form.more")}
        </summary>
        <div className="grid gap-3 border-t border-stone-200 p-3">
          <div className="grid grid-cols-2 gap-3">
            <Field name="startTime" label={t("fields.startTime")} errors={errors.startTime}>
              {(p) => (
                <input
                  {...p}
                  type="time"
                  name="startTime"
                  defaultValue={initial.startTime}
                  className={inputClass}
                />
              )}
            </Field>
            <Field name="days" label={t("fields.days")} errors={errors.days}>
              {(p) => (
                <input
                  {...p}
                  name="days"
                  inputMode="decimal"
                  autoComplete="off"
                  defaultValue={initial.days}
                  className={inputClass}
                />
              )}
            </Field>
          </div>
          <Field name="place" label={t("fields.place")} errors={errors.place}>
            {(p) => (
              <input
                {...p}
                name="place"
                maxLength={100}
                defaultValue={initial.place}
                className={inputClass}
              />
            )}
          </Field>
          <Field name="hostMemberId" label={t("fields.host")} errors={errors.hostMemberId}>
            {(p) => (
              <select
                {...p}
                name="hostMemberId"
                value={hostMemberId}
                onChange={(e) => setHostMemberId(e.target.value)}
                className={inputClass}
              >
                <option value="">{t("form.noHost")}</option>
                {rows.map((r) => (
                  <option key={r.memberId} value={r.memberId}>
                    {r.name}（{r.number}）
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="content" label={t("fields.content")} errors={errors.content}>
            {(p) => (
              <textarea
                {...p}
                name="content"
                rows={5}
                maxLength={5000}
                placeholder={t("form.contentPlaceholder")}
                defaultValue={initial.content}
                className={inputClass}
              />
            )}
          </Field>
        </div>
      </details>

      <fieldset className="flex flex-col gap-2" aria-describedby="attendance-status">
        <legend className="text-sm font-medium text-stone-800">{t("fields.attendance")}</legend>
        <p id="attendance-status" className="text-sm text-stone-700" aria-live="polite">
          {roster === "loading"
            ? t("form.rosterLoading")
            : roster === "failed"
              ? t("form.rosterFailed")
              : rows.length === 0
                ? t("form.rosterEmpty")
                : t("form.attendanceSummary", { total: rows.length, present: presentCount })}
        </p>
        <details
          open={attendanceOpen || hasAttendanceErrors}
          onToggle={(e) => setAttendanceOpen(e.currentTarget.open)}
          className="rounded-md border border-stone-300"
        >
          <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 text-sm text-stone-800">
            <span className="font-medium">{t("form.showAttendance")}</span>
            {presentCount === rows.length && rows.length > 0 ? (
              <span className="text-green-800">{t("form.allPresentDone")}</span>
            ) : null}
          </summary>
          <div className="border-t border-stone-200 p-2">
            {presentCount < rows.length ? (
              <button
                type="button"
                onClick={() =>
                  setRows((previous) => previous.map((r) => ({ ...r, present: true })))
                }
                className="mb-2 min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
              >
                {t("form.markAllPresent")}
              </button>
            ) : null}
            <ul className="divide-y divide-stone-100">
              {rows.map((r) => {
                const rowError = rowErrors.get(r.memberId);
                const errorId = `attendance-${r.memberId}-error`;
                return (
                  <li key={r.memberId} className="py-1">
                    <input type="hidden" name="attendee" value={r.memberId} />
                    <div className="flex flex-wrap items-center gap-2">
                      <label className="flex min-h-11 min-w-0 flex-1 items-center gap-2 text-sm text-stone-900">
                        <input
                          type="checkbox"
                          name={attendanceFieldName.present}
                          value={r.memberId}
                          checked={r.present}
                          onChange={(e) => updateRow(r.memberId, { present: e.target.checked })}
                          aria-describedby={rowError ? errorId : undefined}
                          className="size-5 shrink-0 accent-red-800"
                        />
                        <span className="truncate">
                          {r.name}
                          <span className="ml-1 text-xs text-stone-600">{r.number}</span>
                          {r.orgName ? (
                            <span className="ml-1 text-xs text-stone-600">
                              {t("form.fromOrg", { org: r.orgName })}
                            </span>
                          ) : null}
                        </span>
                      </label>
                      {r.present ? (
                        <input
                          name={attendanceFieldName.hours(r.memberId)}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={t("form.hoursLabel", { name: r.name })}
                          placeholder={durationText}
                          value={r.hours}
                          onChange={(e) => updateRow(r.memberId, { hours: e.target.value })}
                          className="w-20 rounded-md border border-stone-300 px-2 py-2 text-base"
                        />
                      ) : (
                        <input
                          name={attendanceFieldName.reason(r.memberId)}
                          list="absence-reasons"
                          autoComplete="off"
                          maxLength={100}
                          aria-label={t("form.reasonLabel", { name: r.name })}
                          placeholder={t("form.reasonPlaceholder")}
                          value={r.reason}
                          onChange={(e) => updateRow(r.memberId, { reason: e.target.value })}
                          aria-invalid={rowError ? true : undefined}
                          className="w-40 rounded-md border border-stone-300 px-2 py-2 text-base aria-[invalid=true]:border-red-600"
                        />
                      )}
                      {r.extra ? (
                        <button
                          type="button"
                          onClick={() =>
                            setRows((previous) => previous.filter((x) => x.memberId !== r.memberId))
                          }
                          className="min-h-11 px-2 text-sm text-red-800 underline"
                        >
                          {t("form.remove")}
                        </button>
                      ) : null}
                    </div>
                    {rowError ? (
                      <p id={errorId} className="text-sm text-red-700">
                        {r.name}：{rowError.join("；")}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <datalist id="absence-reasons">
              <option value={t("form.reasonSick")} />
              <option value={t("form.reasonLeave")} />
              <option value={t("form.reasonBusiness")} />
            </datalist>

            <div className="mt-3 grid gap-2 border-t border-stone-200 pt-3">
              <label htmlFor="walk-in-search" className="text-sm font-medium text-stone-800">
                {t("form.walkIn")}
              </label>
              <p id="walk-in-hint" className="text-xs text-stone-600">
                {t("form.walkInHint")}
              </p>
              <div className="flex gap-2">
                <input
                  id="walk-in-search"
                  type="search"
                  value={query}
                  aria-describedby="walk-in-hint"
                  enterKeyHint="search"
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      void search();
                    }
                  }}
                  className={inputClass}
                />
                <button
                  type="button"
                  onClick={() => void search()}
                  disabled={searching}
                  className="min-h-11 shrink-0 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
                >
                  {searching ? t("form.searching") : t("form.search")}
                </button>
              </div>
              {matches !== null ? (
                matches.length === 0 ? (
                  <p className="text-sm text-stone-600" role="status">
                    {t("form.noMatches")}
                  </p>
                ) : (
                  <ul className="divide-y divide-stone-100" aria-live="polite">
                    {matches.map((m) => {
                      const added = rows.some((r) => r.memberId === m.id);
                      return (
                        <li
                          key={m.id}
                          className="flex min-h-11 items-center justify-between gap-2 text-sm"
                        >
                          <span>
                            {m.name} <span className="text-xs text-stone-600">{m.number}</span>{" "}
                            <span className="text-xs text-stone-600">
                              {orgLabel({ name: m.orgName, nameEn: m.orgNameEn }, locale)}
                            </span>
                          </span>
                          <button
                            type="button"
                            disabled={added}
                            onClick={() => addWalkIn(m)}
                            aria-label={`${t("form.add")} ${m.name}`}
                            className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50 disabled:opacity-60"
                          >
                            {added ? t("form.added") : t("form.add")}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )
              ) : null}
            </div>
          </div>
        </details>
      </fieldset>

      <fieldset className="flex flex-col gap-1" aria-describedby="campaigns-hint campaigns-error">
        <legend className="text-sm font-medium text-stone-800">{t("fields.campaigns")}</legend>
        <p id="campaigns-hint" className="text-xs text-stone-600">
          {candidates.length === 0 ? t("form.noCampaigns") : t("form.campaignsHint")}
        </p>
        {candidates.map((c) => (
          <label key={c.id} className="flex min-h-11 items-center gap-2 text-sm text-stone-900">
            <input
              type="checkbox"
              name="campaignIds"
              value={c.id}
              checked={chosenCampaigns.has(c.id)}
              onChange={(e) => {
                const next = new Set(chosenCampaigns);
                if (e.target.checked) next.add(c.id);
                else next.delete(c.id);
                setCampaignChoice([...next]);
              }}
              className="size-5 shrink-0 accent-red-800"
            />
            {orgLabel(c, locale)}
          </label>
        ))}
        <p id="campaigns-error" className="text-sm text-red-700" aria-live="polite">
          {errors.campaignIds?.join("；")}
        </p>
      </fieldset>

      <Field
        name="files"
        label={t("fields.evidence")}
        errors={errors.files}
        hint={
          (mode === "edit" ? t("form.editNote") + " " : "") +
          (fileCount > 0 ? t("form.evidenceChosen", { count: fileCount }) + " · " : "") +
          t("form.evidenceHint")
        }
      >
        {(p) => (
          <input
            {...p}
            type="file"
            name="files"
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            onChange={(e) => setFileCount(e.target.files?.length ?? 0)}
            className="text-sm text-stone-800 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm"
          />
        )}
      </Field>

      <FormMessage state={failed} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={busy}
          className="inline-flex min-h-11 flex-1 items-center justify-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60 sm:flex-none"
        >
          {pending ? t("form.saving") : t("form.saveAndSubmit")}
        </button>
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={busy}
          className="inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-base text-stone-800 hover:bg-stone-50 disabled:opacity-60"
        >
          {t("form.saveDraft")}
        </button>
      </div>
    </form>
  );
}
