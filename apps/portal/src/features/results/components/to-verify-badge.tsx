import type { AciFlag } from "@maillage/domain";
import { ACI_FLAG_DESCRIPTIONS, isToVerify } from "../utils/labels";

/** « à vérifier » on ACI rows flagged 🟡 / 🔶 / ⚠️ (DOMAIN.md §3.5: no payment on 🔶 rows without validation). */
export function ToVerifyBadge({ flag }: { flag: AciFlag | string }) {
  if (!isToVerify(flag)) return null;
  const description = ACI_FLAG_DESCRIPTIONS[flag as AciFlag];
  return (
    <span className="badge badge--changes" title={description}>
      à vérifier<span className="visually-hidden"> : {description}</span>
    </span>
  );
}
