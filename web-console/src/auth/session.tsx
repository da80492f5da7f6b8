import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { get, setTokenSource } from "../api/client";

/** What the gateway says of the signed-in user (GET /api/me). */
export interface Me {
  username: string;
  roles: string[];
  region?: string | null;
  territories?: string[] | null;
  siren?: string | null;
}

export interface ConsoleConfig {
  authority: string;
  clientId: string;
}

interface Session {
  ready: boolean;
  user?: User | null;
  me?: Me | null;
  login: (returnTo?: string) => Promise<void>;
  logout: () => Promise<void>;
  hasRole: (role: string) => boolean;
}

const SessionContext = createContext<Session>({
  ready: false,
  login: async () => undefined,
  logout: async () => undefined,
  hasRole: () => false,
});

export const CALLBACK_PATH = "/connexion/retour";

let manager: UserManager | undefined;

/** The one UserManager of the page: code flow with PKCE on the realm's public client. */
export function userManager(config: ConsoleConfig): UserManager {
  if (!manager) {
    const origin = window.location.origin;
    manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: origin + CALLBACK_PATH,
      post_logout_redirect_uri: origin + "/",
      response_type: "code",
      scope: "openid profile",
      // Renews before expiry with the refresh token the code flow gave (no hidden iframe needed).
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }
  return manager;
}

export function SessionProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const um = useMemo(() => userManager(config), [config]);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let currentUser: User | null = null;
    const loaded = (u: User | null) => {
      currentUser = u;
      setUser(u);
    };
    // A tab reopened after its access token expired renews it first (refresh token), before any read.
    um.getUser().then(async (u) => {
      if (u?.expired && u.refresh_token) {
        u = await um.signinSilent().catch(() => null);
      }
      loaded(u && !u.expired ? u : null);
    });
    um.events.addUserLoaded(loaded);
    um.events.addUserUnloaded(() => loaded(null));
    um.events.addSilentRenewError(() => loaded(null));
    setTokenSource(() => (currentUser && !currentUser.expired ? currentUser.access_token : undefined));
    return () => {
      um.events.removeUserLoaded(loaded);
    };
  }, [um]);

  useEffect(() => {
    if (user === undefined) return;
    if (!user) {
      setMe(null);
      return;
    }
    get<Me>("/api/me").then(setMe, () => setMe(null));
  }, [user]);

  const session: Session = {
    ready: user !== undefined && (user === null || me !== undefined),
    user,
    me,
    login: (returnTo) => um.signinRedirect({ state: returnTo ?? window.location.pathname + window.location.search }),
    logout: async () => {
      const idToken = user?.id_token;
      await um.removeUser();
      await um.signoutRedirect({ id_token_hint: idToken });
    },
    hasRole: (role) => !!me?.roles.includes(role),
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** Ends the code flow on the callback page; gives where to go back. */
let completing: Promise<string> | undefined;

export function completeLogin(config: ConsoleConfig): Promise<string> {
  // Once per page load, even when React runs the effect twice.
  completing ??= userManager(config).signinRedirectCallback().then((u) =>
    typeof u.state === "string" && u.state.startsWith("/") && !u.state.startsWith(CALLBACK_PATH) ? u.state : "/espace");
  return completing;
}
