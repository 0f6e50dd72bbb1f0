import { LocaleSwitch } from "@/components/locale-switch";

/** Pages reached without an account (a round's public link): no navigation, phone first. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-stone-50">
      <header className="bg-red-900 text-white">
        <div className="mx-auto flex max-w-xl items-center justify-end px-4 py-2">
          <LocaleSwitch />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-5">
        {children}
      </main>
    </div>
  );
}
