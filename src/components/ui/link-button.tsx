import Link from "next/link";
import type { ReactNode } from "react";

export function LinkButton({
  href,
  children,
  variant = "primary",
}: {
  href: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
}) {
  const cls =
    variant === "primary"
      ? "inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-900"
      : "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50";
  return (
    <Link href={href} className={cls}>
      {children}
    </Link>
  );
}
