import { AreaMessages } from "@/i18n/area-messages";

export default function MeLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/me">{children}</AreaMessages>;
}
