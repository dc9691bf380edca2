/**
 * The doctor's view, loaded only when a clinician opens it (dynamic import): sign in with a
 * clinician account, open a patient's record with their share code (typed or scanned) or by
 * break-glass, and read it within the grant's scope and time. The hub audits every read.
 */
import { useTranslation } from "react-i18next";
import { useSession } from "../app-context.ts";
import { Shell } from "../components/shell.tsx";
import { Link } from "../router/navigation.tsx";
import { paths, type Route } from "../router/routes.ts";
import { DoctorHome } from "./doctor-home.tsx";
import { GrantCheckupPage, GrantPage, GrantTrendsPage } from "./grant-pages.tsx";
import { StaffSignIn } from "./staff-sign-in.tsx";

export type DoctorRoute = Extract<Route, { name: "doctor" | "grant" | "grant-checkup" | "grant-trends" }>;

export default function DoctorArea({ route }: { route: DoctorRoute }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session?.role !== "clinician") {
    return (
      <Shell>
        <StaffSignIn />
      </Shell>
    );
  }
  const nav = (
    <div className="subbar">
      <nav aria-label={t("nav.main")} className="tabs">
        <Link href={paths.doctor()} className="tab" aria-current={route.name === "doctor" ? "page" : undefined}>
          {t("doctor.home")}
        </Link>
      </nav>
    </div>
  );
  return <Shell nav={nav}>{page(route)}</Shell>;
}

function page(route: DoctorRoute) {
  switch (route.name) {
    case "doctor":
      return <DoctorHome />;
    case "grant":
      return <GrantPage grantId={route.grantId} />;
    case "grant-checkup":
      return <GrantCheckupPage grantId={route.grantId} checkupId={route.checkupId} />;
    case "grant-trends":
      return <GrantTrendsPage grantId={route.grantId} trendKey={route.key} />;
  }
}
