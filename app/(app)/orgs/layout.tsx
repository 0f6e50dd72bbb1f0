import { AreaMessages } from "@/i18n/area-messages";

export default function OrgsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/orgs">{children}</AreaMessages>;
}
