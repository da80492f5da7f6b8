import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useEffect, useRef } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { completeLogin, useSession, CALLBACK_PATH, type ConsoleConfig } from "./auth/session";
import { SignedIn } from "./auth/SignedIn";
import { HomePage } from "./pages/HomePage";
import { TerritoryListPage } from "./pages/TerritoryListPage";
import { TerritoryPage } from "./pages/TerritoryPage";
import { OpenDataPage } from "./pages/OpenDataPage";
import { SpacePage } from "./pages/SpacePage";
import { ManagerPage } from "./pages/ManagerPage";
import { OfficerPage } from "./pages/OfficerPage";
import { CompanyPage } from "./pages/CompanyPage";
import { AdminPage } from "./pages/AdminPage";
import { PartnerPage } from "./pages/PartnerPage";
import { PartnersGuidePage } from "./pages/PartnersGuidePage";
import { NotFoundPage } from "./pages/NotFoundPage";

export function App({ config }: { config: ConsoleConfig }) {
  const session = useSession();
  const location = useLocation();

  const firstPath = useRef(location.pathname);
  useEffect(() => {
    // Focus goes to the main content after each navigation (RGAA: a screen reader hears the new page);
    // not on the first page, where the browser starts at the top.
    if (location.pathname === firstPath.current) return;
    firstPath.current = "";
    document.getElementById("contenu")?.focus({ preventScroll: false });
  }, [location.pathname]);

  const quickAccess = session.user
    ? [
        { iconId: "fr-icon-account-circle-line" as const, linkProps: { to: "/espace" }, text: session.me?.username ?? "Mon espace" },
        { iconId: "fr-icon-logout-box-r-line" as const, buttonProps: { onClick: () => void session.logout() }, text: "Se déconnecter" },
      ]
    : [
        { iconId: "fr-icon-lock-line" as const, buttonProps: { onClick: () => void session.login("/espace") }, text: "Se connecter" },
      ];

  const path = location.pathname;
  return (
    <>
      <SkipLinks links={[{ anchor: "#contenu", label: "Contenu" }, { anchor: "#pied-de-page", label: "Pied de page" }]} />
      <Header
        brandTop={<>République<br />Française</>}
        serviceTitle="Territoires d'industrie"
        serviceTagline="Console du programme"
        homeLinkProps={{ to: "/", title: "Accueil — Territoires d'industrie" }}
        quickAccessItems={quickAccess}
        navigation={[
          { text: "Carte", linkProps: { to: "/" }, isActive: path === "/" },
          { text: "Territoires", linkProps: { to: "/territoires" }, isActive: path.startsWith("/territoires") },
          { text: "Données ouvertes", linkProps: { to: "/donnees" }, isActive: path.startsWith("/donnees") },
          { text: "Partenaires", linkProps: { to: "/partenaires" }, isActive: path.startsWith("/partenaires") },
          ...(session.user ? [{ text: "Mon espace", linkProps: { to: "/espace" }, isActive: path.startsWith("/espace") }] : []),
        ]}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/territoires" element={<TerritoryListPage />} />
          <Route path="/territoires/:code" element={<TerritoryPage />} />
          <Route path="/donnees" element={<OpenDataPage />} />
          <Route path="/partenaires" element={<PartnersGuidePage config={config} />} />
          <Route path={CALLBACK_PATH} element={<LoginCallback config={config} />} />
          <Route path="/espace" element={<SignedIn title="Mon espace"><SpacePage /></SignedIn>} />
          <Route path="/espace/territoire/:code" element={<SignedIn title="Mon territoire"><ManagerPage /></SignedIn>} />
          <Route path="/espace/region" element={<SignedIn title="Ma région"><OfficerPage /></SignedIn>} />
          <Route path="/espace/entreprise" element={<SignedIn title="Mon entreprise"><CompanyPage /></SignedIn>} />
          <Route path="/espace/administration" element={<SignedIn title="Administration du programme"><AdminPage /></SignedIn>} />
          <Route path="/espace/partenaire" element={<SignedIn title="Espace partenaire"><PartnerPage /></SignedIn>} />
          <Route path="/accueil" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="partially compliant"
        contentDescription="Console du programme Territoires d'industrie : carte et registre des territoires, financements, besoins de recrutement des entreprises."
        bottomItems={[
          { text: "Guide des partenaires", linkProps: { to: "/partenaires" } },
          { text: "Documentation de l'API", linkProps: { to: "/q/swagger-ui", reloadDocument: true } },
        ]}
      />
    </>
  );
}

function LoginCallback({ config }: { config: ConsoleConfig }) {
  const navigate = useNavigate();
  useEffect(() => {
    completeLogin(config).then(
      (to) => navigate(to, { replace: true }),
      () => navigate("/", { replace: true }),
    );
  }, [config, navigate]);
  return <p>Connexion en cours…</p>;
}
