package fr.territoires.commons.outage;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.runtime.OidcProvider;
import io.quarkus.oidc.runtime.TenantConfigBean;
import io.quarkus.oidc.runtime.TenantConfigContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The keys Quarkus OIDC holds for the default tenant, asked through its provider: the token is
 * verified again with them (no fetch: {@code verifyJwtToken} only resolves keys already held), and a
 * key that cannot be resolved is told from a signature or claim that is refused. Quarkus OIDC's
 * runtime classes are not a public API: KeycloakOutageTest (real Keycloak stopped) and
 * GatewayKeycloakOutageTest notice when an upgrade changes them.
 */
@ApplicationScoped
public class QuarkusOidcKeys implements SigningKeys.HeldKeys {

    private final Instance<TenantConfigBean> tenants;

    public QuarkusOidcKeys(Instance<TenantConfigBean> tenants) {
        this.tenants = tenants;
    }

    @Override
    public Verdict check(String token) {
        OidcProvider provider = provider();
        if (provider == null) {
            return Verdict.KEY_NOT_HELD; // the tenant was never initialised: no key at all
        }
        try {
            provider.verifyJwtToken(token, true, false, null);
            return Verdict.VALID;
        } catch (InvalidJwtException e) {
            return keyNotResolved(e) ? Verdict.KEY_NOT_HELD : Verdict.REFUSED;
        } catch (RuntimeException e) {
            return Verdict.REFUSED;
        }
    }

    @Override
    public Optional<String> issuer() {
        try {
            OidcProvider provider = provider();
            OidcConfigurationMetadata metadata = provider == null ? null : provider.getMetadata();
            return Optional.ofNullable(metadata == null ? null : metadata.getIssuer());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private OidcProvider provider() {
        try {
            if (!tenants.isResolvable()) {
                return null;
            }
            TenantConfigContext tenant = tenants.get().getDefaultTenant();
            return tenant == null ? null : tenant.provider();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean keyNotResolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvableKeyException) {
                return true;
            }
        }
        return false;
    }
}
