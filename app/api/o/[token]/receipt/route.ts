import { handleReceiptLookup } from "@/server/data/opinions/public-http";

export const dynamic = "force-dynamic";

/** The answer to one's own opinion, by the receipt code given at submission. */
export async function POST(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await context.params;
  return handleReceiptLookup(request, token);
}
