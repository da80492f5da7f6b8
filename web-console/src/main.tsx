import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Link } from "react-router-dom";
import "maplibre-gl/dist/maplibre-gl.css";
import "./console.css";
import { App } from "./App";
import { SessionProvider, type ConsoleConfig } from "./auth/session";

startReactDsfr({ defaultColorScheme: "light", Link });

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

// The identity provider's address comes from the gateway, so one build serves every environment.
fetch("/api/console/config")
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
  .catch(() => ({ authority: "", clientId: "web-console" }))
  .then((config: ConsoleConfig) => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <BrowserRouter>
          <SessionProvider config={config}>
            <App config={config} />
          </SessionProvider>
        </BrowserRouter>
      </StrictMode>,
    );
  });
