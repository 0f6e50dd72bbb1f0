"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateRoundInput } from "@/lib/schemas/opinion";
import { taskFormObject } from "@/lib/schemas/task";
import { requireActor } from "../../auth/get-actor";
import { createRound } from "../../data/opinions/create-round";
import { linkQrSvg, publicRoundUrl } from "../../data/opinions/qr";
import { runAction } from "../run-action";
import { requestBaseUrl } from "./public-base-url";

export type RoundLink = { id: string; url: string; qrSvg: string };

/** Opens a round; its public link and QR code are returned once. */
export async function createRoundAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<RoundLink>> {
  return runAction<RoundLink>(formData, async () => {
    const actor = await requireActor();
    const { id, token } = await createRound(actor, taskFormObject(formData) as CreateRoundInput);
    const url = publicRoundUrl(await requestBaseUrl(), token);
    revalidatePath("/opinions");
    return {
      ok: true,
      message: "已发布。请立即保存链接或二维码：离开本页后不再显示",
      data: { id, url, qrSvg: await linkQrSvg(url) },
    };
  });
}
