import { AreaMessages } from "@/i18n/area-messages";

export default function CommendationsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/commendations">{children}</AreaMessages>;
}
