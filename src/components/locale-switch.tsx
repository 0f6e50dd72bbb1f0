"use client";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/server/actions/set-locale-action";

export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations("common.language");
  const [pending, startTransition] = useTransition();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      disabled={pending}
      lang={next}
      onClick={() => startTransition(() => setLocaleAction(next))}
      className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
      aria-label={`${t("label")}: ${t(next)}`}
    >
      {t(next)}
    </button>
  );
}
