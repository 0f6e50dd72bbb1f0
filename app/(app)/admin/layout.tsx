import { AreaMessages } from "@/i18n/area-messages";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/admin">{children}</AreaMessages>;
}
