"use client";

/** "打印 / 保存为 PDF": the browser's print dialog, where "save as PDF" is one of the printers. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-900 print:hidden"
    >
      {label}
    </button>
  );
}
