import { Link } from "react-router-dom";

export function NotFoundPage() {
  return (
    <>
      <h1>Page non trouvée</h1>
      <p>La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <Link to="/" className="fr-link">Revenir à la carte des territoires</Link>
    </>
  );
}
