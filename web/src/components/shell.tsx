/**
 * The frame of every page: a skip link, the app's name, the language switch and sign-out, an
 * optional navigation bar, then the page itself in <main>.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useApp, useLang, useSession } from "../app-context.ts";
import { Link, navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";

export function Shell({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useApp();
  const signedIn = useSession() !== null;
  const signOut = () => {
    session.set(null);
    navigate(paths.signIn());
  };
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <Link href={paths.home()} className="brand">
          <span aria-hidden="true" className="brand-mark">
            ✚
          </span>
          {t("app.brand")}
        </Link>
        <div className="topbar-actions">
          <LanguageSwitch />
          {signedIn && (
            <button type="button" className="button ghost" onClick={signOut}>
              {t("app.signOut")}
            </button>
          )}
        </div>
      </header>
      {nav}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Shows the other language in that language ("English" / "Tiếng Việt"), as people look for it. */
function LanguageSwitch() {
  const [lang, setLang] = useLang();
  const other = lang === "vi" ? "en" : "vi";
  return (
    <button type="button" className="button ghost" lang={other} onClick={() => setLang(other)}>
      {other === "en" ? "English" : "Tiếng Việt"}
    </button>
  );
}
