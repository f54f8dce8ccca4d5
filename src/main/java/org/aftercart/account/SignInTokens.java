package org.aftercart.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

/**
 * The one-time tokens of sign-in links, in PostgreSQL so that a link made by one instance works on
 * another. Spring Security's own JDBC service keeps the token itself in a table of the default
 * schema; this one keeps only its SHA-256 in the account schema, and takes a token with a single
 * {@code delete ... returning}, so that two clicks racing on two instances cannot both sign in.
 * The token's "username" is the customer id.
 */
@Component
class SignInTokens implements OneTimeTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(request.getExpiresIn());
        jdbc.sql("delete from account.sign_in_tokens where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
        jdbc.sql("insert into account.sign_in_tokens (token_hash, customer_id, expires_at) values (?, ?, ?)")
                .params(hash(token), UUID.fromString(request.getUsername()), Timestamp.from(expiresAt))
                .update();
        return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
    }

    /** The token's customer, once; {@code null} when unknown, used already or expired (refused alike). */
    @Override
    public @Nullable OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        if (token == null || token.isEmpty() || token.length() > 100) {
            return null;
        }
        return jdbc.sql("delete from account.sign_in_tokens where token_hash = ? returning customer_id, expires_at")
                .param(hash(token))
                .query((rs, row) -> new DefaultOneTimeToken(
                        token,
                        rs.getObject("customer_id", UUID.class).toString(),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(found -> found.getExpiresAt().isAfter(clock.instant()))
                .orElse(null);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
