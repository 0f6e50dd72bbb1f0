import { AreaMessages } from "@/i18n/area-messages";

export default function CalendarLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/calendar">{children}</AreaMessages>;
}
