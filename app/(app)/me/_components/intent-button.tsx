"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** A submit button that sends `intent` (submit or save as draft), disabled while the form is pending. */
export function IntentButton({
  intent,
  children,
  pendingText,
  variant = "primary",
}: {
  intent: string;
  children: ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary";
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("intent") === intent;
  const cls =
    variant === "primary"
      ? "inline-flex min-h-11 items-center justify-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60"
      : "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-base font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-60";
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-disabled={pending}
      className={cls}
    >
      {mine && pendingText ? pendingText : children}
    </button>
  );
}
