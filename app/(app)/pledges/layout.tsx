import { AreaMessages } from "@/i18n/area-messages";

export default function PledgesLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/pledges">{children}</AreaMessages>;
}
