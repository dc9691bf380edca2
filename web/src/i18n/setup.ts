/**
 * One i18next instance for the app, with both dictionaries bundled: they are a few kilobytes, and
 * a language switch must not wait for the network on a weak phone connection.
 */
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import vi from "./vi.json";
import en from "./en.json";
import type { Lang } from "./lang.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof vi };
    returnNull: false;
  }
}

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: lang,
    fallbackLng: "vi",
    initAsync: false,
    // React escapes what it renders; escaping again would show `&amp;` in names.
    interpolation: { escapeValue: false },
  });
  return instance;
}
