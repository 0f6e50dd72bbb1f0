import type { ReactNode } from "react";

/**
 * A box that scrolls when its table is wider (or taller) than the screen, reachable and
 * scrollable with the keyboard (focusable, named region).
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`${className ?? "overflow-x-auto rounded-lg border border-stone-200 bg-white"} focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700`}
    >
      {children}
    </div>
  );
}
