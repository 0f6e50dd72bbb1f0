import { AreaMessages } from "@/i18n/area-messages";

export default function LoginLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="(auth)/login">{children}</AreaMessages>;
}
