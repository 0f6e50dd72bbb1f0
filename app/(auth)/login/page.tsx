import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/get-actor";
import { LocaleSwitch } from "@/components/locale-switch";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations();
  const lastSchool = (await cookies()).get("school")?.value ?? "";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold text-red-900">{t("common.appName")}</h1>
        <LocaleSwitch />
      </div>
      <section className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-medium">{t("auth.title")}</h2>
        <LoginForm defaultSchool={lastSchool} />
      </section>
    </main>
  );
}
