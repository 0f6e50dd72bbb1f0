import type { CampaignRootOption } from "@/server/data/campaigns/list-campaign-root-options";

/** <option>s of the covered-organization picker; ideographic spaces show the tree. */
export function OrgOptions({ orgs, locale }: { orgs: CampaignRootOption[]; locale: string }) {
  return (
    <>
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {"\u3000".repeat(o.depth)}
          {locale === "en" && o.nameEn ? o.nameEn : o.name}
        </option>
      ))}
    </>
  );
}
