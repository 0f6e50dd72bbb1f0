import { AreaMessages } from "@/i18n/area-messages";

export default function ImplementationPlansLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/implementation-plans">{children}</AreaMessages>;
}
