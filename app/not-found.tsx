import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{t("errors.notFound")}</h1>
      <Link href="/" className="mt-4 inline-flex min-h-11 items-center text-red-800 underline">
        {t("nav.home")}
      </Link>
    </main>
  );
}
