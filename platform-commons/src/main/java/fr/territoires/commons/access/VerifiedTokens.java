package fr.territoires.commons.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, kept with the identity their verification gave (issue #16): a token sent again
 * within a minute is not verified again. Every request of the console and every call of the gateway's dashboard
 * carries the same token a few times in a row; its verification (signature, claims, the identity built from them)
 * was measured as a fifth to a third of the CPU of an authenticated read, in the gateway and in each service.
 *
 * <p>Only what Quarkus OIDC accepted is kept, and only as long as it would still accept it: until the token's own
 * expiry ({@code exp}, no grace) and never longer than {@link Config#keepAtMost()} after its verification, so that
 * anything else that changes (the realm's signing keys after a rotation, this service's configuration) applies
 * within that time. A refusal is never kept: a token that failed is verified again each time. The key is the whole
 * token, with the OIDC tenant that took it: a token that differs by one character, its signature included, is
 * another key and is verified. Opaque tokens and other credentials go to OIDC untouched. A kept identity is given
 * to a request with that request's own routing context and authentication context, never an earlier request's.
 *
 * <p>At most {@link Config#maxTokens()} tokens are kept (a few kilobytes each), the least used going first.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** How long and how many verified tokens are kept. */
    @ConfigMapping(prefix = "platform.verified-tokens")
    public interface Config {

        /** Longest time a verified token is taken without a new verification (its expiry comes first when sooner). */
        @WithDefault("60S")
        Duration keepAtMost();

        /** Most tokens kept at once; 0 turns the keeping off. */
        @WithDefault("2000")
        int maxTokens();
    }

    /** An identity OIDC gave for a token, and until when it may be taken again. */
    record Verified(SecurityIdentity identity, Instant until) {
    }

    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Cache<String, Verified> kept;
    private final Duration keepAtMost;
    private final Instance<IdentityProvider<?>> providers;
    private volatile IdentityProvider<TokenAuthenticationRequest> oidc;

    @Inject
    public VerifiedTokens(Config config, @Any Instance<IdentityProvider<?>> providers, MeterRegistry metrics) {
        // Each token leaves at its own "until": nothing past it is ever read, nor kept in memory.
        this.kept = Caffeine.newBuilder().maximumSize(Math.max(0, config.maxTokens()))
                .expireAfter(Expiry.creating((String key, Verified v) -> Duration.between(Instant.now(), v.until())))
                .recordStats().build();
        this.keepAtMost = config.keepAtMost();
        this.providers = providers;
        // cache_gets_total{cache="verified-tokens",result="hit|miss"}, cache_size, cache_evictions_total: how often a
        // token is taken without a new verification (docs/operations.md).
        CaffeineCacheMetrics.monitor(metrics, kept, "verified-tokens");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider (the default priority): a token kept is answered here, any other goes on to OIDC. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        IdentityProvider<TokenAuthenticationRequest> verifier = oidc();
        if (verifier == null || !(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()
                || credential.getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Object tenant = routing == null ? null : routing.get(OidcUtils.TENANT_ID_ATTRIBUTE);
        String key = (tenant == null ? "" : tenant.toString()) + '\n' + credential.getToken();
        Verified known = kept.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(forThisRequest(known.identity(), routing, context));
        }
        Instant now = Instant.now();
        return verifier.authenticate(request, context).invoke(identity -> {
            Instant until = keptUntil(now, identity, keepAtMost);
            if (until != null) {
                kept.put(key, new Verified(forNoRequest(identity), until));
            }
        });
    }

    /** How many tokens are kept now. */
    public long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    /**
     * Until when an identity verified at {@code now} may be taken again: its token's expiry, at most
     * {@code keepAtMost} later; null (not kept) for an anonymous identity or a token without expiry.
     */
    static Instant keptUntil(Instant now, SecurityIdentity identity, Duration keepAtMost) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object exp = jwt.getClaim(Claims.exp.name());
        long seconds = exp instanceof Number n ? n.longValue() : exp instanceof JsonNumber j ? j.longValue() : 0;
        if (seconds <= 0) {
            return null;
        }
        Instant expiry = Instant.ofEpochSecond(seconds);
        Instant latest = now.plus(keepAtMost);
        Instant until = expiry.isBefore(latest) ? expiry : latest;
        return until.isAfter(now) ? until : null;
    }

    /** The identity without the request it was verified for (kept without holding that request). */
    private static SecurityIdentity forNoRequest(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                .addAttribute(REQUEST_CONTEXT, null)
                .build();
    }

    /**
     * A kept identity for this request: its routing context and authentication context, set as OIDC sets them (on
     * the identity, and the authentication context on the routing context).
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext routing,
            AuthenticationRequestContext context) {
        if (routing != null) {
            routing.put(REQUEST_CONTEXT, context);
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing)
                .addAttribute(REQUEST_CONTEXT, context)
                .build();
    }

    /** OIDC's provider of identities for tokens: the one after this one (none in an application without OIDC). */
    @SuppressWarnings("unchecked")
    private IdentityProvider<TokenAuthenticationRequest> oidc() {
        IdentityProvider<TokenAuthenticationRequest> found = oidc;
        if (found == null) {
            found = providers.stream().filter(p -> !(p instanceof VerifiedTokens))
                    .filter(p -> p.getRequestType() == TokenAuthenticationRequest.class)
                    .max(Comparator.comparingInt(IdentityProvider::priority))
                    .map(p -> (IdentityProvider<TokenAuthenticationRequest>) p).orElse(null);
            oidc = found;
        }
        return found;
    }
}
