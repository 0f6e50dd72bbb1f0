import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodClientConfig } from "@/components/zod-client-config";
import { AreaMessages } from "@/i18n/area-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ZodClientConfig />
        {/* The messages of the shell (language switch, error page); each area's layout has its own. */}
        <AreaMessages area="root">{children}</AreaMessages>
      </body>
    </html>
  );
}
