import { AreaMessages } from "@/i18n/area-messages";

export default function AppraisalLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/appraisal">{children}</AreaMessages>;
}
