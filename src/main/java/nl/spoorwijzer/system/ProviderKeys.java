package nl.spoorwijzer.system;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's published keys (its JWK set) for checking bearer tokens, read through Nimbus's cache and
 * rate limit. Spring Security's decoder reads the key set again for every token whose key id ({@code kid}) it does
 * not know, so anyone could make the platform call the provider once per request with made-up tokens. Here:
 * <ul>
 *   <li>the key set is kept for {@link #TIME_TO_LIVE} and then read again at the next token;</li>
 *   <li>a token with an unknown key id reads it again — a provider that rotated its keys — but the set is read at most
 *       twice per {@link #MIN_INTERVAL} (Nimbus's {@code RateLimitedJWKSetSource}: one read opens the interval, one
 *       more is allowed within it). A token whose key is still unknown when that limit is reached is refused with
 *       401, as a token of an unknown key is; once the interval has passed, the next such token reads the set
 *       again, so a token signed with a newly rotated key is accepted at most {@link #MIN_INTERVAL} after the first
 *       refusal.</li>
 * </ul>
 * The reading itself stays Spring's (the address from the settings or the discovery document, its timeouts), and the
 * time is the platform's clock. Spring Security 6.5 has no setting for this; its decoder is built as before and only
 * its key selector is replaced ({@link #rateLimited}).
 */
final class ProviderKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderKeys.class);
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    /** How long a token waits for another request's reading of the key set (within the read timeouts). */
    private static final Duration REFRESH_WAIT = Duration.ofSeconds(6);

    private final JWKSetSource<SecurityContext> keySets;
    private final Clock clock;

    private ProviderKeys(JWKSetSource<SecurityContext> provider, Clock clock) {
        JWKSource<SecurityContext> built = JWKSourceBuilder.create(provider)
                .cache(TIME_TO_LIVE.toMillis(), REFRESH_WAIT.toMillis())
                .rateLimited(MIN_INTERVAL.toMillis())
                .retrying(false)
                .build();
        this.keySets = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
        this.clock = clock;
    }

    /**
     * For {@code NimbusJwtDecoder}'s {@code jwtProcessorCustomizer}: the same algorithms as Spring chose, the keys from
     * here, read by Spring's own key-set reader (unwrapped from the cache Spring put around it).
     */
    static Consumer<ConfigurableJWTProcessor<SecurityContext>> rateLimited(Clock clock) {
        return processor -> {
            if (!(processor.getJWSKeySelector() instanceof JWSVerificationKeySelector<SecurityContext> spring)
                    || !(spring.getJWKSource() instanceof JWKSetBasedJWKSource<?> built)) {
                throw new IllegalStateException("Spring Security's token decoder has another key selector than"
                        + " expected: " + processor.getJWSKeySelector());
            }
            @SuppressWarnings("unchecked")
            JWKSetSource<SecurityContext> reader = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
            while (reader instanceof JWKSetSourceWrapper<SecurityContext> wrapper) {
                reader = wrapper.getSource();
            }
            ProviderKeys keys = new ProviderKeys(reader, clock);
            processor.setJWSKeySelector((header, context) -> spring.isAllowed(header.getAlgorithm())
                    ? new JWSVerificationKeySelector<>(header.getAlgorithm(), keys).selectJWSKeys(header, context)
                    : List.of());
        };
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet known = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> keys = selector.select(known);
        if (!keys.isEmpty()) {
            return keys;
        }
        try {
            // A key id not in the set: read it again (the provider may have rotated its keys), unless read just now.
            return selector.select(keySets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), now,
                    context));
        } catch (RateLimitReachedException limited) {
            LOG.info("Token with an unknown key: the identity provider's keys were read less than {} s ago, not again",
                    MIN_INTERVAL.toSeconds());
            return List.of();
        }
    }
}
