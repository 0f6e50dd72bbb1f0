import { AreaMessages } from "@/i18n/area-messages";

export default function PracticalMattersLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/practical-matters">{children}</AreaMessages>;
}
