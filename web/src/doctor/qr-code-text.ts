/**
 * What a scanned share QR says: the hub's link `…/doctor?code=K7MP4QXR`, or a bare code. Scanning
 * in the page uses the browser's BarcodeDetector (Chrome on Android); where it is missing, the
 * phone's own camera app opens the link instead, which fills the code in just the same.
 */

export function codeFromQr(text: string): string | null {
  const raw = text.trim();
  try {
    const url = new URL(raw);
    const c = url.searchParams.get("code");
    return c && /^[0-9A-Za-z-]{8,12}$/.test(c) ? c : null;
  } catch {
    return /^[0-9A-Za-z-]{8,12}$/.test(raw) ? raw : null;
  }
}

export interface DetectedBarcode {
  rawValue: string;
}

export interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

type BarcodeDetectorCtor = new (opts: { formats: string[] }) => BarcodeDetectorLike;

export function barcodeDetector(): BarcodeDetectorCtor | null {
  const ctor = (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return typeof ctor === "function" ? ctor : null;
}

export const canScan = (): boolean => barcodeDetector() !== null && typeof navigator.mediaDevices?.getUserMedia === "function";
