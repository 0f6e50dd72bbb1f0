import { AreaMessages } from "@/i18n/area-messages";

export default function ActivitiesLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/activities">{children}</AreaMessages>;
}
