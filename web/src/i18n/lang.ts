/**
 * The two languages: Vietnamese first (the default whatever the browser says: the hub serves
 * Vietnam), English on request, the choice remembered on this device.
 */
import type { LocalText } from "../api/types.ts";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

const KEY = "hoso.lang";

export const isLang = (v: unknown): v is Lang => v === "vi" || v === "en";

export function storedLang(storage: Pick<Storage, "getItem">): Lang {
  try {
    const v = storage.getItem(KEY);
    return isLang(v) ? v : "vi";
  } catch {
    return "vi";
  }
}

export function storeLang(storage: Pick<Storage, "setItem">, lang: Lang): void {
  try {
    storage.setItem(KEY, lang);
  } catch {
    // Private browsing may refuse storage: the switch still works for this visit.
  }
}

/** The API's `{ vi, en }` texts in the reader's language. */
export const pick = (text: LocalText | null | undefined, lang: Lang): string => (text ? text[lang] || text.vi : "");
