import { useTranslation } from "react-i18next";
import { PageTitle } from "../components/page-title.tsx";
import { Link } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("errors.notFound")}</PageTitle>
      <p>
        <Link href={paths.home()}>{t("app.home")}</Link>
      </p>
    </>
  );
}
