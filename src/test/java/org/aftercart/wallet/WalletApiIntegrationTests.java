package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.platform.ApiKeys;
import org.aftercart.shared.Money;
import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The wallet API through the real server: each call, and each refusal as a problem that writes nothing. */
@WalletTest
class WalletApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Wallet wallet;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LedgerChecks ledger;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "wallet tests", "ak_wallet_tests");
        ledger = new LedgerChecks(jdbc, customers);
    }

    @Test
    void grantsCreditAndShowsTheCustomersWallet() {
        CustomerId customer = ledger.newCustomer();
        String key = UUID.randomUUID().toString();
        String body =
                """
                {"amount": "15.00", "currency": "EUR", "bonus": "1.50", "reason": "Goodwill: late parcel"}""";

        var granted = api.post("/api/v1/customers/" + customer + "/wallet/credits", body, idempotency(key));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().get("balanceAfter").get("amount").asString()).isEqualTo("16.50");

        var replay = api.post("/api/v1/customers/" + customer + "/wallet/credits", body, idempotency(key));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(replay.json().get("transactionId")).isEqualTo(granted.json().get("transactionId"));

        var shown = api.get("/api/v1/customers/" + customer + "/wallet");
        assertThat(shown.status()).isEqualTo(200);
        JsonNode balance = shown.json().get("balances").get(0);
        assertThat(balance.get("available").get("amount").asString()).isEqualTo("16.50");
        assertThat(balance.get("available").get("currency").asString()).isEqualTo("EUR");
        assertThat(balance.get("held").get("amount").asString()).isEqualTo("0.00");
        JsonNode newest = shown.json().get("history").get(0);
        assertThat(newest.get("type").asString()).isEqualTo("BONUS");
        assertThat(newest.get("reason").asString()).isEqualTo("Goodwill: late parcel");
        assertThat(newest.get("balanceAfter").get("amount").asString()).isEqualTo("16.50");
        assertThat(shown.json().get("history")).hasSize(2);
    }

    @Test
    void issuesAGiftCardAndChecksItsBalance() {
        var issued = api.post(
                "/api/v1/wallet/gift-cards",
                """
                {"amount": "50.00", "currency": "GBP", "recipientEmail": "friend@example.org", "reason": "Sold online"}""",
                idempotency(UUID.randomUUID().toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String code = issued.json().get("code").asString();
        assertThat(code).hasSize(24);

        var balance = api.get("/api/v1/wallet/gift-cards/" + code);
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
        assertThat(balance.json().get("available").get("amount").asString()).isEqualTo("50.00");
        assertThat(balance.json().get("lastFour").asString()).isEqualTo(code.substring(20));
        assertThat(balance.body()).doesNotContain(code);
    }

    @Test
    void authorisesCapturesAndVoidsHolds() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(
                customer,
                eur("30.00"),
                eur("0.00"),
                "Goodwill",
                UUID.randomUUID().toString());

        var held = api.post(
                "/api/v1/wallet/holds",
                "{\"customerId\": \"" + customer + "\", \"amount\": \"20.00\", \"currency\": \"EUR\"}",
                idempotency(UUID.randomUUID().toString()));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String hold = held.json().get("id").asString();
        assertThat(held.json().get("status").asString()).isEqualTo("AUTHORISED");

        String captureKey = UUID.randomUUID().toString();
        var captured = api.post(
                "/api/v1/wallet/holds/" + hold + "/capture",
                "{\"amount\": \"18.40\", \"currency\": \"EUR\"}",
                idempotency(captureKey));
        assertThat(captured.status()).as(captured.body()).isEqualTo(200);
        assertThat(captured.json().get("status").asString()).isEqualTo("CAPTURED");
        assertThat(captured.json().get("captured").get("amount").asString()).isEqualTo("18.40");
        var again = api.post(
                "/api/v1/wallet/holds/" + hold + "/capture",
                "{\"amount\": \"18.40\", \"currency\": \"EUR\"}",
                idempotency(captureKey));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(wallet.availableStoreCredit(customer, eur("0.00").currency()))
                .isEqualTo(eur("11.60"));

        var second = api.post(
                "/api/v1/wallet/holds",
                "{\"customerId\": \"" + customer + "\", \"amount\": \"11.60\", \"currency\": \"EUR\"}",
                idempotency(UUID.randomUUID().toString()));
        var voided = api.post(
                "/api/v1/wallet/holds/" + second.json().get("id").asString() + "/void",
                "",
                idempotency(UUID.randomUUID().toString()));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asString()).isEqualTo("VOIDED");
        assertThat(wallet.availableStoreCredit(customer, eur("0.00").currency()))
                .isEqualTo(eur("11.60"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown gift card code       | /api/v1/wallet/holds              | {"giftCardCode":"ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ","amount":"5.00","currency":"EUR"} | 404 | gift-card-not-found | No gift card has this code
            malformed gift card code     | /api/v1/wallet/holds              | {"giftCardCode":"hello","amount":"5.00","currency":"EUR"} | 404 | gift-card-not-found | No gift card has this code
            insufficient store credit    | /api/v1/wallet/holds              | {"customerId":"%customer","amount":"10.01","currency":"EUR"} | 422 | insufficient-wallet-balance | only 10.00 EUR is available
            insufficient gift card       | /api/v1/wallet/holds              | {"giftCardCode":"%card","amount":"25.01","currency":"EUR"} | 422 | insufficient-wallet-balance | only 25.00 EUR is available
            store credit currency        | /api/v1/wallet/holds              | {"customerId":"%customer","amount":"5.00","currency":"GBP"} | 422 | wallet-currency-mismatch | this balance is in EUR
            gift card currency           | /api/v1/wallet/holds              | {"giftCardCode":"%card","amount":"5.00","currency":"USD"} | 422 | wallet-currency-mismatch | this balance is in EUR
            zero amount                  | /api/v1/wallet/holds              | {"customerId":"%customer","amount":"0","currency":"EUR"} | 422 | invalid-wallet-amount | more than zero
            negative amount              | /api/v1/wallet/holds              | {"customerId":"%customer","amount":"-3.00","currency":"EUR"} | 422 | invalid-wallet-amount | more than zero
            too many decimals            | /api/v1/wallet/holds              | {"customerId":"%customer","amount":"1.005","currency":"EUR"} | 422 | invalid-wallet-amount | at most 2 decimals
            decimals in yen              | /api/v1/wallet/gift-cards         | {"amount":"100.5","currency":"JPY","reason":"x"} | 422 | invalid-wallet-amount | at most 0 decimals
            unknown currency             | /api/v1/wallet/gift-cards         | {"amount":"10.00","currency":"XYZ","reason":"x"} | 422 | invalid-wallet-amount | Unknown ISO 4217 currency
            no source                    | /api/v1/wallet/holds              | {"amount":"5.00","currency":"EUR"} | 400 | invalid-wallet-request | exactly one source
            two sources                  | /api/v1/wallet/holds              | {"customerId":"%customer","giftCardCode":"%card","amount":"5.00","currency":"EUR"} | 400 | invalid-wallet-request | exactly one source
            credit of zero               | /api/v1/customers/%customer/wallet/credits | {"amount":"0.00","currency":"EUR","reason":"Goodwill"} | 422 | invalid-wallet-amount | more than zero
            credit without reason        | /api/v1/customers/%customer/wallet/credits | {"amount":"5.00","currency":"EUR"} | 400 | about:blank | invalid fields
            credit to unknown customer   | /api/v1/customers/%nobody/wallet/credits | {"amount":"5.00","currency":"EUR","reason":"Goodwill"} | 404 | customer-not-found | No customer
            gift card bad e-mail         | /api/v1/wallet/gift-cards         | {"amount":"10.00","currency":"EUR","recipientEmail":"nope","reason":"x"} | 400 | about:blank | invalid fields
            capture above the hold       | /api/v1/wallet/holds/%hold/capture | {"amount":"4.01","currency":"EUR"} | 422 | capture-exceeds-hold | the hold is for 4.00 EUR
            capture in another currency  | /api/v1/wallet/holds/%hold/capture | {"amount":"1.00","currency":"GBP"} | 422 | wallet-currency-mismatch | this balance is in EUR
            capture of zero              | /api/v1/wallet/holds/%hold/capture | {"amount":"0.00","currency":"EUR"} | 422 | invalid-wallet-amount | more than zero
            capture of an unknown hold   | /api/v1/wallet/holds/%nobody/capture | {"amount":"1.00","currency":"EUR"} | 404 | wallet-hold-not-found | No wallet hold
            capture of a settled hold    | /api/v1/wallet/holds/%settled/capture | {"amount":"1.00","currency":"EUR"} | 409 | wallet-hold-settled | already voided
            void of a settled hold       | /api/v1/wallet/holds/%settled/void | {} | 409 | wallet-hold-settled | already voided
            capture of an expired hold   | /api/v1/wallet/holds/%expired/capture | {"amount":"1.00","currency":"EUR"} | 409 | wallet-hold-expired | expired
            void of an expired hold      | /api/v1/wallet/holds/%expired/void | {} | 409 | wallet-hold-expired | expired
            """)
    void refusesWithAProblemAndWritesNothing(
            String name, String path, String body, int status, String type, String detail) {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(
                customer,
                eur("14.00"),
                eur("0.00"),
                "Goodwill",
                UUID.randomUUID().toString());
        String card = wallet.issueGiftCard(
                        eur("25.00"), null, "Sold", UUID.randomUUID().toString())
                .code();
        UUID hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("4.00"), key())
                .id();
        UUID settled = wallet.authorise(new RedemptionSource.GiftCard(card), eur("1.00"), key())
                .id();
        wallet.voidHold(settled, key());
        UUID expired = expiredHold();
        String footprint = ledger.footprint();

        String filled = body.replace("%customer", customer.toString()).replace("%card", card);
        String filledPath = path.replace("%customer", customer.toString())
                .replace("%nobody", UUID.randomUUID().toString())
                .replace("%hold", hold.toString())
                .replace("%settled", settled.toString())
                .replace("%expired", expired.toString());
        var response = api.post(filledPath, filled, idempotency(key()));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problemType = response.json().get("type");
        assertThat(problemType == null ? "about:blank" : problemType.asString()).endsWith(type);
        assertThat(response.body()).contains(detail);
        assertThat(ledger.footprint()).isEqualTo(footprint);
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithAnotherBodyOrMissing() {
        CustomerId customer = ledger.newCustomer();
        String key = key();
        String path = "/api/v1/customers/" + customer + "/wallet/credits";
        assertThat(api.post(
                                path,
                                "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"reason\":\"Goodwill\"}",
                                idempotency(key))
                        .status())
                .isEqualTo(201);
        String footprint = ledger.footprint();

        var reused =
                api.post(path, "{\"amount\":\"6.00\",\"currency\":\"EUR\",\"reason\":\"Goodwill\"}", idempotency(key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("type").asString()).endsWith("idempotency-key-reused");

        var missing = api.post(path, "{\"amount\":\"6.00\",\"currency\":\"EUR\",\"reason\":\"Goodwill\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Idempotency-Key");
        assertThat(ledger.footprint()).isEqualTo(footprint);
    }

    @Test
    void unknownGiftCardCodesAndCustomersAnswer404() {
        var unknown = api.get("/api/v1/wallet/gift-cards/ABCD-EFGH-JKMN-PQRS-TVWX");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID() + "/wallet").status())
                .isEqualTo(404);
    }

    @Test
    void guessingGiftCardCodesIsCutOffWithRetryAfter() {
        String apiKey = "ak_wallet_guess_" + UUID.randomUUID();
        ApiClient guesser = ApiClient.withNewKey(apiKeys, port, "guesser", apiKey);
        String real = wallet.issueGiftCard(eur("10.00"), null, "Sold", key()).code();

        // Five wrong codes are allowed (aftercart.wallet.gift-card-lookups.failures-per-key in WalletTest).
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/wallet/gift-cards/AAAA-AAAA-AAAA-AAAA-AAA" + i)
                            .status())
                    .isEqualTo(404);
        }
        var cutOff = guesser.get("/api/v1/wallet/gift-cards/" + real);
        assertThat(cutOff.status()).isEqualTo(429);
        assertThat(cutOff.contentType()).startsWith("application/problem+json");
        assertThat(cutOff.json().get("type").asString()).endsWith("too-many-gift-card-lookups");
        assertThat(Long.parseLong(cutOff.headers().get("Retry-After").getFirst()))
                .isBetween(1L, 60L);
        var holdAttempt = guesser.post(
                "/api/v1/wallet/holds",
                "{\"giftCardCode\": \"" + real + "\", \"amount\": \"1.00\", \"currency\": \"EUR\"}",
                idempotency(key()));
        assertThat(holdAttempt.status()).isEqualTo(429);

        // Another integration's key is not cut off, and right codes never cost anything.
        for (int i = 0; i < 8; i++) {
            assertThat(api.get("/api/v1/wallet/gift-cards/" + real).status()).isEqualTo(200);
        }
    }

    private UUID expiredHold() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, eur("2.00"), eur("0.00"), "Goodwill", key());
        UUID hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("2.00"), key())
                .id();
        jdbc.sql("update wallet.holds set expires_at = now() - interval '1 second' where id = ?")
                .param(hold)
                .update();
        return hold;
    }

    private static Map<String, String> idempotency(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
