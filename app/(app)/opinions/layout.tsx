import { AreaMessages } from "@/i18n/area-messages";

export default function OpinionsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/opinions">{children}</AreaMessages>;
}
