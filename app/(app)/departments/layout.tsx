import { AreaMessages } from "@/i18n/area-messages";

export default function DepartmentsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/departments">{children}</AreaMessages>;
}
