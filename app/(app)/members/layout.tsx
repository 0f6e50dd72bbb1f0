import { AreaMessages } from "@/i18n/area-messages";

export default function MembersLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/members">{children}</AreaMessages>;
}
