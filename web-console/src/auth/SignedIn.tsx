import type { ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { Loading } from "../components/common";
import { useSession } from "./session";

/**
 * A page for signed-in users: rendered once the session is known (its token and /api/me), so that its
 * first reads carry the token, also when the page is opened from a link or reloaded; otherwise the
 * invitation to sign in, which comes back to the same page.
 */
export function SignedIn({ title, children }: { title: string; children: ReactNode }) {
  const { ready, user, me, login } = useSession();
  const location = useLocation();
  if (!ready) return <Loading what="Connexion" />;
  if (!user || !me) {
    return (
      <>
        <h1>{title}</h1>
        <p>Connectez-vous pour accéder à votre espace.</p>
        <button className="fr-btn" onClick={() => void login(location.pathname + location.search)}>Se connecter</button>
      </>
    );
  }
  return <>{children}</>;
}
