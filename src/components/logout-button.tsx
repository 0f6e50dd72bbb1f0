"use client";
import { signOut } from "next-auth/react";

export function LogoutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm text-white hover:bg-red-800"
    >
      {label}
    </button>
  );
}
