/** The page the URL names, for who is signed in. The doctor's view is a separate, lazy chunk. */
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "./app-context.ts";
import { Loading } from "./components/async.tsx";
import { Shell } from "./components/shell.tsx";
import { CitizenArea } from "./pages/citizen-area.tsx";
import { NotFound } from "./pages/not-found.tsx";
import { OidcCallbackPage } from "./pages/oidc-callback-page.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";
import { VerifyPage } from "./pages/verify-page.tsx";
import { navigate, useLocation } from "./router/navigation.tsx";
import { matchRoute, paths } from "./router/routes.ts";

const DoctorArea = lazy(() => import("./doctor/doctor-area.tsx"));
const StewardArea = lazy(() => import("./steward/steward-area.tsx"));

export function App() {
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  const session = useSession();
  useEffect(() => {
    document.title = t("app.title");
  }, [t, i18n.language]);

  const route = matchRoute(pathname, search);
  switch (route.name) {
    case "home":
      return <Redirect to={session?.role === "clinician" ? paths.doctor() : session?.role === "steward" ? paths.steward() : session?.role === "citizen" ? paths.book(0) : paths.signIn()} />;
    case "sign-in":
      return <SignInPage />;
    case "oidc-callback":
      return <OidcCallbackPage />;
    case "verify":
      return <VerifyPage code={route.code} />;
    case "doctor":
    case "grant":
    case "grant-checkup":
    case "grant-trends":
      return (
        <Suspense fallback={<Loading />}>
          <DoctorArea route={route} />
        </Suspense>
      );
    case "steward":
    case "steward-case":
      return (
        <Suspense fallback={<Loading />}>
          <StewardArea route={route} />
        </Suspense>
      );
    case "book":
    case "checkup":
    case "trends":
    case "shares":
    case "access-log":
      return session?.role === "citizen" ? <CitizenArea route={route} /> : <Redirect to={paths.signIn()} />;
    case "not-found":
      return (
        <Shell>
          <NotFound />
        </Shell>
      );
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
