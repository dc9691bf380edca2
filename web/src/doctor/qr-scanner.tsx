/** The camera and BarcodeDetector, a few frames a second, until a share code is seen. */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { barcodeDetector, codeFromQr } from "./qr-code-text.ts";

export default function QrScanner({ onCode, onError }: { onCode: (code: string) => void; onError: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  // The camera starts once; the latest callbacks are read through refs, not effect dependencies.
  const callbacks = useRef({ onCode, onError });
  callbacks.current = { onCode, onError };
  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    const detector = new Detector({ formats: ["qr_code"] });
    let stream: MediaStream | null = null;
    let timer = 0;
    let live = true;
    const tick = async () => {
      const v = video.current;
      if (!live || !v) return;
      const found = v.readyState >= 2 ? await detector.detect(v).catch(() => []) : [];
      const code = found.map((b) => codeFromQr(b.rawValue)).find((c) => c !== null);
      if (code && live) callbacks.current.onCode(code);
      else if (live) timer = window.setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        stream = s;
        if (!live || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => live && callbacks.current.onError());
    return () => {
      live = false;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return <video ref={video} className="scanner" muted playsInline aria-label={t("doctor.scanHint")} />;
}
