"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

type Errors = Partial<Record<"school" | "username" | "password", string[]>>;

export function LoginForm({ defaultSchool }: { defaultSchool: string }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      school: String(form.get("school") ?? "").trim(),
      username: String(form.get("username") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    };
    const missing: Errors = {};
    for (const key of ["school", "username", "password"] as const) {
      if (!values[key]) missing[key] = [t("required")];
    }
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      document.cookie = `school=${encodeURIComponent(values.school)}; path=/; max-age=31536000; samesite=lax`;
      router.replace("/");
      router.refresh();
      return;
    }
    const error = result?.error ?? "INVALID";
    if (error.startsWith("LOCKED:")) {
      const until = new Date(error.slice("LOCKED:".length));
      setMessage(
        t("locked", {
          time: until.toLocaleTimeString(locale, {
            hour: "2-digit",
            minute: "2-digit",
            timeZone: "Asia/Shanghai",
          }),
        }),
      );
    } else if (error === "DISABLED") {
      setMessage(t("disabled"));
    } else {
      setMessage(t("invalid"));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <Field name="school" label={t("school")} errors={errors.school}>
        {(p) => (
          <input
            {...p}
            name="school"
            defaultValue={defaultSchool}
            autoComplete="organization"
            className={inputClass}
          />
        )}
      </Field>
      <Field name="username" label={t("username")} errors={errors.username}>
        {(p) => (
          <input
            {...p}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            className={inputClass}
          />
        )}
      </Field>
      <Field name="password" label={t("password")} errors={errors.password}>
        {(p) => (
          <input
            {...p}
            name="password"
            type="password"
            autoComplete="current-password"
            className={inputClass}
          />
        )}
      </Field>
      <div aria-live="assertive" role="status" className="min-h-6">
        {message ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
