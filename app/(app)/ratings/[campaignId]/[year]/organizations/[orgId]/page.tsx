import { getRatingExplanation } from "@/server/data/ratings/get-rating-explanation";
import { Explanation } from "../../../../_components/explanation";
import { loadRatingCampaign, orNotFound, positiveInt } from "../../../../_components/load-view";

type Props = {
  params: Promise<{ campaignId: string; year: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { campaignId, year } = await params;
  const { campaign } = await loadRatingCampaign(campaignId, year);
  return { title: `${campaign.name} ${year}` };
}

/** An organization's 堡垒指数 explained, with what would raise it one star. */
export default async function OrganizationRatingPage({ params, searchParams }: Props) {
  const [{ campaignId, year: yearParam, orgId }, query] = await Promise.all([params, searchParams]);
  const { actor, campaign, year } = await loadRatingCampaign(campaignId, yearParam);
  const data = await orNotFound(
    getRatingExplanation(actor, {
      campaignId,
      year,
      subjectKind: "organization",
      subjectId: orgId,
      version: positiveInt(query.version),
    }),
  );
  return <Explanation campaign={campaign} year={year} data={data} />;
}
