import { AreaMessages } from "@/i18n/area-messages";

export default function CampaignsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/campaigns">{children}</AreaMessages>;
}
