/** Boot: language, session and API client built once, then the app. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createApi } from "./api/client.ts";
import { App } from "./app.tsx";
import { AppContext, type AppDeps } from "./app-context.ts";
import { storedLang } from "./i18n/lang.ts";
import { createI18n } from "./i18n/setup.ts";
import { createSessionStore } from "./session/session.ts";
import "./styles.css";

const lang = storedLang(window.localStorage);
document.documentElement.lang = lang;
const session = createSessionStore(window.sessionStorage);
const deps: AppDeps = { api: createApi(session), session, storage: window.localStorage };

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n(lang)}>
      <AppContext.Provider value={deps}>
        <App />
      </AppContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
