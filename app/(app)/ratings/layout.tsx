import { AreaMessages } from "@/i18n/area-messages";

export default function RatingsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/ratings">{children}</AreaMessages>;
}
