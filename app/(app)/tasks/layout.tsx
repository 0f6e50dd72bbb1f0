import { AreaMessages } from "@/i18n/area-messages";

export default function TasksLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/tasks">{children}</AreaMessages>;
}
