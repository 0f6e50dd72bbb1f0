import { AreaMessages } from "@/i18n/area-messages";

export default function OLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(public)/o">{children}</AreaMessages>;
}
