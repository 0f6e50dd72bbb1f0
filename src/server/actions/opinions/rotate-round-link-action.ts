"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { rotateRoundLink } from "../../data/opinions/create-round";
import { linkQrSvg, publicRoundUrl } from "../../data/opinions/qr";
import { runAction } from "../run-action";
import type { RoundLink } from "./create-round-action";
import { requestBaseUrl } from "./public-base-url";

/** Replaces a round's public link (the old one stops working) and returns the new one once. */
export async function rotateRoundLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<RoundLink>> {
  return runAction<RoundLink>(formData, async () => {
    const actor = await requireActor();
    const { id, token } = await rotateRoundLink(actor, {
      roundId: String(formData.get("roundId") ?? ""),
    });
    const url = publicRoundUrl(await requestBaseUrl(), token);
    revalidatePath(`/opinions/${id}`);
    return {
      ok: true,
      message: "已生成新链接，旧链接和旧二维码已失效。请立即保存：离开本页后不再显示",
      data: { id, url, qrSvg: await linkQrSvg(url) },
    };
  });
}
