import { AreaMessages } from "@/i18n/area-messages";

export default function SecretaryProjectsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(app)/secretary-projects">{children}</AreaMessages>;
}
