/**
 * The identity steward's pages, loaded only when a steward opens them (dynamic import): sign in
 * with a steward account, work the review queue, decide a case and undo a decision
 * (docs/api-identity.md). The hub scopes, records and audits every step.
 */
import { useTranslation } from "react-i18next";
import { useSession } from "../app-context.ts";
import { Shell } from "../components/shell.tsx";
import { StaffSignIn } from "../doctor/staff-sign-in.tsx";
import { Link } from "../router/navigation.tsx";
import { paths, type Route } from "../router/routes.ts";
import { CasePage } from "./case-page.tsx";
import { QueuePage } from "./queue-page.tsx";

export type StewardRoute = Extract<Route, { name: "steward" | "steward-case" }>;

export default function StewardArea({ route }: { route: StewardRoute }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session?.role !== "steward") {
    return (
      <Shell>
        <StaffSignIn role="steward" title={t("steward.signInTitle")} refusal={(lng) => t("steward.notSteward", { lng })} />
      </Shell>
    );
  }
  const nav = (
    <div className="subbar">
      <nav aria-label={t("nav.main")} className="tabs">
        <Link href={paths.steward()} className="tab" aria-current={route.name === "steward" ? "page" : undefined}>
          {t("steward.nav")}
        </Link>
      </nav>
    </div>
  );
  return (
    <Shell nav={nav}>
      {route.name === "steward" ? <QueuePage reason={route.reason} /> : <CasePage key={route.caseId} caseId={route.caseId} />}
    </Shell>
  );
}
