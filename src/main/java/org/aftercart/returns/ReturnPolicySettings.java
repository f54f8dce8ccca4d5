package org.aftercart.returns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.aftercart.platform.CachedReading;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The return policy in force: the configured rules ({@code aftercart.returns.*}) unless an admin
 * saved others in the console, which then replace them whole until reset. Every new return request
 * (portal, account page, store counter, agents, API) is decided under {@link #current()}; a request
 * keeps the rules it was decided under.
 *
 * <p>Read at most once per {@code aftercart.returns.policy-cache-ttl} (10 seconds by default, a {@link
 * CachedReading}): the instance that saves sees its change at once, other instances within that time.
 */
@Service
public class ReturnPolicySettings {

    /**
     * The policy in force and where it comes from.
     *
     * @param overridden whether an admin's policy replaces the configured one
     * @param updatedAt when an admin last saved it; {@code null} when the configured policy applies
     */
    public record Effective(
            ReturnPolicyRules rules, boolean overridden, @Nullable Instant updatedAt, @Nullable String updatedBy) {}

    private final ReturnSettings settings;
    private final PolicyJson json;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CachedReading<Effective> effective;

    ReturnPolicySettings(
            ReturnSettings settings,
            PolicyJson json,
            JdbcClient jdbc,
            Clock clock,
            @Value("${aftercart.returns.policy-cache-ttl:PT10S}") Duration cacheTtl) {
        this.settings = settings;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.effective = CachedReading.of(cacheTtl, this::load, clock);
    }

    /** The rules a new return request is decided under. */
    public ReturnPolicyRules current() {
        return effective().rules();
    }

    public Effective effective() {
        return effective.get();
    }

    /** The configured rules, in force when no admin saved others (and after a reset). */
    public ReturnPolicyRules defaults() {
        return settings.rules();
    }

    /**
     * Replaces the policy in force for new requests. One statement: the policy is written whole or
     * not at all.
     */
    public void save(ReturnPolicyRules rules, String actor) {
        jdbc.sql(
                        """
                        insert into returns.policy (singleton, rules, updated_at, updated_by)
                        values (true, cast(? as jsonb), ?, ?)
                        on conflict (singleton) do update
                        set rules = excluded.rules, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by, version = returns.policy.version + 1
                        """)
                .params(json.write(rules), Timestamp.from(clock.instant()), actor)
                .update();
        effective.invalidate();
    }

    /** Back to the configured policy for new requests. */
    public void reset() {
        jdbc.sql("delete from returns.policy").update();
        effective.invalidate();
    }

    private Effective load() {
        return jdbc.sql("select rules::text as rules, updated_at, updated_by from returns.policy")
                .query((rs, row) -> new Effective(
                        json.read(rs.getString("rules")),
                        true,
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .optional()
                .orElseGet(() -> new Effective(settings.rules(), false, null, null));
    }
}
