"use client";
import { useTranslations } from "next-intl";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("common.errors");
  // Expected refusals carry their own words (AppError); anything else gets a generic line and the digest for the logs.
  const forbidden = error.name === "AppError" || /权限|不存在/.test(error.message);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-medium">{forbidden ? error.message : t("generic")}</p>
      {error.digest ? <p className="mt-1 text-xs text-red-700">#{error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-3 min-h-11 rounded-md border border-red-300 bg-white px-3 text-sm"
      >
        ↻
      </button>
    </div>
  );
}
