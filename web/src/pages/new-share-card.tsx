/**
 * A share just made: the code, big and spaced for reading aloud, and its QR. The hub keeps only a
 * hash of the code, so this is the one time it can be shown. The QR is the hub's SVG, shown as an
 * image (an <img> runs no script, whatever the SVG holds).
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { NewShare } from "../api/types.ts";
import { formatInstant } from "../format/date.ts";

export function NewShareCard({ share, onDone }: { share: NewShare; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.qr_svg)}`;
  return (
    <section className="card new-share" aria-labelledby="new-share-h">
      <h2 id="new-share-h" ref={heading} tabIndex={-1}>
        {t("share.code")}
      </h2>
      <p className="share-code" data-testid="share-code">
        {share.code_display}
      </p>
      <img className="qr" src={qr} alt={t("share.qrAlt", { code: share.code_display })} width={220} height={220} />
      <p>
        <strong>{t(`share.scope.${share.scope}`)}</strong> · {t("share.expires", { time: formatInstant(share.expires_at) })}
      </p>
      <p className="muted">{t("share.codeHint")}</p>
      <button type="button" className="button secondary" onClick={onDone}>
        {t("share.done")}
      </button>
    </section>
  );
}
