/**
 * What every page needs from outside React: the API client and the session store, built once in
 * main.tsx (no module-level state, so tests can build their own), plus hooks to read them.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Api } from "./api/client.ts";
import type { Session, SessionStore } from "./session/session.ts";
import { isLang, storeLang, type Lang } from "./i18n/lang.ts";

export interface AppDeps {
  api: Api;
  session: SessionStore;
  storage: Pick<Storage, "getItem" | "setItem">;
}

export const AppContext = createContext<AppDeps | null>(null);

export function useApp(): AppDeps {
  const deps = useContext(AppContext);
  if (!deps) throw new Error("AppContext missing: render inside <AppContext.Provider>");
  return deps;
}

export function useSession(): Session | null {
  const { session } = useApp();
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The current language and a switch that also remembers the choice and tells assistive tech. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n } = useTranslation();
  const { storage } = useApp();
  const lang: Lang = isLang(i18n.language) ? i18n.language : "vi";
  const set = useCallback(
    (next: Lang) => {
      storeLang(storage, next);
      document.documentElement.lang = next;
      void i18n.changeLanguage(next);
    },
    [i18n, storage],
  );
  return [lang, set];
}
