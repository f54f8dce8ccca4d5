package org.aftercart.harness;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.aftercart.harness.Journeys.Journey;
import org.aftercart.harness.Journeys.Outcome;
import org.aftercart.notifications.WebhookReceiver;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a run has drained, compares what the clients were told with what the database holds and
 * with what the SMTP server and the webhook receiver got. Each check is a figure and whether it is
 * what it must be; the run fails when any is not.
 */
final class Invariants {

    record Check(String what, String figure, boolean holds) {}

    /** Counts at the far ends, for the report. */
    record Deliveries(
            int emailsReceived,
            int distinctMessageIds,
            int emailCopies,
            int webhooksReceived,
            int distinctWebhookIds,
            int webhookCopies,
            long emailsSent,
            long webhooksSent,
            long uncertainAttempts) {}

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final List<Check> checks = new ArrayList<>();
    /** What a failed check was about, for whoever looks for the cause. */
    private final List<String> details = new ArrayList<>();

    private Deliveries deliveries = new Deliveries(0, 0, 0, 0, 0, 0, 0, 0, 0);
    private long lost;
    private long doneTwice;

    Invariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    Deliveries deliveries() {
        return deliveries;
    }

    /** Accepted requests missing from the database, and messages due that never arrived. */
    long lost() {
        return lost;
    }

    /** Requests done twice, and facts told twice (not counting e-mail copies of one Message-ID). */
    long doneTwice() {
        return doneTwice;
    }

    boolean allHold() {
        return checks.stream().allMatch(Check::holds);
    }

    private void check(String what, Object figure, boolean holds) {
        checks.add(new Check(what, String.valueOf(figure), holds));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Every accepted request is in the database once, and nothing is there that no client asked for. */
    void requests(List<Journey> journeys) {
        List<Journey> placed = journeys.stream().filter(j -> j.orderId != null).toList();
        long ordersOfHarness = count("select count(*) from orders.orders where email like '%@faults.example'");
        long distinctCustomers =
                count("select count(distinct lower(email)) from orders.orders where email like '%@faults.example'");
        long placedFound = placed.stream()
                .filter(j -> count("select count(*) from orders.orders where id = ?::uuid", j.orderId) == 1)
                .count();
        check(
                "accepted orders found in the database",
                placedFound + " of " + placed.size(),
                placedFound == placed.size());
        lost += placed.size() - placedFound;
        doneTwice += ordersOfHarness - distinctCustomers;
        check(
                "orders placed twice (one e-mail address per journey)",
                ordersOfHarness - distinctCustomers,
                ordersOfHarness == distinctCustomers);
        long unanswered = journeys.stream()
                .filter(j -> j.orderId == null)
                .filter(j -> count("select count(*) from orders.orders where lower(email) = lower(?)", j.email) > 0)
                .count();
        check("orders written whose client never got an answer", unanswered, true);

        long parcelsTwice = count(
                """
                select count(*) from (select order_id from fulfillment.parcels p
                    join orders.orders o on o.id = p.order_id where o.email like '%@faults.example'
                    group by order_id having count(*) > 1) twice""");
        check("orders shipped twice (more than one parcel)", parcelsTwice, parcelsTwice == 0);
        doneTwice += parcelsTwice;

        List<Journey> returned =
                journeys.stream().filter(j -> j.returnId != null).toList();
        long returnsTwice = count(
                """
                select count(*) from (select order_id from returns.returns r
                    join orders.orders o on o.id = r.order_id where o.email like '%@faults.example'
                    group by order_id having count(*) > 1) twice""");
        long returnsFound = returned.stream()
                .filter(j -> count("select count(*) from returns.returns where id = ?::uuid", j.returnId) == 1)
                .count();
        check("accepted returns found", returnsFound + " of " + returned.size(), returnsFound == returned.size());
        check("orders with two returns", returnsTwice, returnsTwice == 0);
        lost += returned.size() - returnsFound;
        doneTwice += returnsTwice;

        List<Journey> finished =
                journeys.stream().filter(j -> j.finished && !j.stalls).toList();
        BigDecimal value = new BigDecimal(Journeys.PRICE).multiply(BigDecimal.valueOf(Journeys.UNITS));
        int wrongRefunds = 0;
        int wrongCredits = 0;
        for (Journey journey : finished) {
            if (journey.outcome == Outcome.REFUND) {
                List<BigDecimal> refunds = jdbc.sql(
                                """
                                select amount from payments.transactions
                                where order_id = ?::uuid and kind = 'REFUND' and status = 'SUCCEEDED'""")
                        .param(journey.orderId)
                        .query(BigDecimal.class)
                        .list();
                if (refunds.size() != 1 || refunds.getFirst().compareTo(value) != 0) {
                    wrongRefunds++;
                }
            } else {
                long grants = count(
                        "select count(*) from wallet.transactions where kind = 'GRANT' and reason like ?",
                        "%" + journey.returnNumber + "%");
                BigDecimal balance = jdbc.sql(
                                """
                                select coalesce(sum(balance), 0) from wallet.accounts
                                where kind = 'STORE_CREDIT' and customer_id = ?::uuid""")
                        .param(journey.customerId)
                        .query(BigDecimal.class)
                        .single();
                if (grants != 1 || balance.compareTo(value) != 0) {
                    wrongCredits++;
                }
            }
        }
        check("refunds not made exactly once, for the right amount", wrongRefunds, wrongRefunds == 0);
        check("store credits not granted exactly once, for the right amount", wrongCredits, wrongCredits == 0);
    }

    /** Carrier checkpoints stored once, however often (and to however many instances) they came. */
    void trackingEvents(List<Journey> journeys) {
        int wrong = 0;
        for (Journey journey : journeys) {
            if (journey.checkpoints == 0) {
                continue;
            }
            long stored =
                    count("select count(*) from tracking.events where tracking_number = ?", journey.trackingNumber);
            if (stored != journey.checkpoints) {
                wrong++;
            }
        }
        check("parcels whose checkpoints are not stored exactly once", wrong, wrong == 0);
    }

    /**
     * Order buckets (ADR 3): no line ships more than is ordered and not cancelled, delivers more than
     * it shipped, has more asked back and returned than it received, or refunds more than came back.
     */
    void orderBuckets(List<Journey> journeys) {
        long inconsistent = count(
                """
                select count(*) from orders.order_lines
                where fulfilled > ordered - cancelled or shipped > ordered - cancelled or delivered > shipped
                   or return_requested + returned > greatest(delivered, shipped) or refunded > returned""");
        check("order lines with inconsistent buckets", inconsistent, inconsistent == 0);
        int notAtEnd = 0;
        for (Journey journey : journeys) {
            if (!journey.finished || journey.stalls) {
                continue;
            }
            long atEnd = count(
                    """
                    select count(*) from orders.order_lines where order_id = ?::uuid and ordered = ?
                        and shipped = ordered and delivered = ordered and returned = ordered""",
                    journey.orderId,
                    Journeys.UNITS);
            if (atEnd != 1) {
                notAtEnd++;
            }
        }
        check(
                "finished journeys whose order line is not shipped, delivered and returned in full",
                notAtEnd,
                notAtEnd == 0);
    }

    /** Every wallet transaction balances, every holder's balance is the sum of its entries and not negative. */
    void wallet() {
        long unbalanced = count(
                """
                select count(*) from (select transaction_id from wallet.entries
                    group by transaction_id, currency having sum(amount) <> 0) unbalanced""");
        check("wallet transactions whose entries do not sum to zero", unbalanced, unbalanced == 0);
        long drift = count(
                """
                select count(*) from wallet.accounts a
                where a.balance is not null
                  and a.balance <> coalesce((select sum(amount) from wallet.entries e where e.account_id = a.id), 0)""");
        check("wallet accounts whose balance is not the sum of their entries", drift, drift == 0);
        long negative = count("select count(*) from wallet.accounts where balance < 0");
        check("wallet accounts with a negative balance", negative, negative == 0);
    }

    /**
     * Messages: none left waiting, each one sent in the database arrived at the far end, copies
     * counted by Message-ID (e-mail) and webhook-id (webhooks).
     */
    void messages(GreenMail smtp, WebhookReceiver receiver) throws MessagingException {
        long waiting = count("select count(*) from notifications.messages where status in ('PENDING', 'SENDING')");
        check("messages still waiting after the drain", waiting, waiting == 0);
        lost += waiting;
        long failed = count("select count(*) from notifications.messages where status in ('FAILED', 'UNDELIVERABLE')");
        check("messages failed or undeliverable", failed, failed == 0);

        Map<String, Integer> mails = new HashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (MimeMessage mail : received) {
            mails.merge(messageUuid(mail.getMessageID()), 1, Integer::sum);
        }
        List<UUID> sentEmails = jdbc.sql(
                        "select id from notifications.messages where status = 'SENT' and purpose <> 'WEBHOOK' and channel = 'EMAIL'")
                .query(UUID.class)
                .list();
        long emailsLost = sentEmails.stream()
                .filter(id -> !mails.containsKey(id.toString()))
                .count();
        Set<String> sentIds = new HashSet<>();
        sentEmails.forEach(id -> sentIds.add(id.toString()));
        long unknownMails =
                mails.keySet().stream().filter(id -> !sentIds.contains(id)).count();
        int emailCopies = received.length - mails.size();
        check("e-mails sent (database) that never reached the SMTP server", emailsLost, emailsLost == 0);
        check("e-mails at the SMTP server that the database does not count as sent", unknownMails, unknownMails == 0);

        List<WebhookReceiver.Received> hooks = receiver.received().stream()
                .filter(WebhookReceiver.Received::verified)
                .toList();
        Map<String, Integer> hookIds = new LinkedHashMap<>();
        hooks.forEach(hook -> hookIds.merge(hook.id(), 1, Integer::sum));
        List<UUID> sentHooks = jdbc.sql(
                        "select id from notifications.messages where status = 'SENT' and purpose = 'WEBHOOK'")
                .query(UUID.class)
                .list();
        long hooksLost = sentHooks.stream()
                .filter(id -> !hookIds.containsKey("msg_" + id))
                .count();
        check("webhooks sent (database) that never reached the receiver", hooksLost, hooksLost == 0);
        lost += emailsLost + hooksLost;
        long unverified = receiver.received().size() - hooks.size();
        check("webhook deliveries whose signature did not verify", unverified, unverified == 0);
        int hookCopies = hooks.size() - hookIds.size();

        // The same fact told twice under two ids would slip past the id counts: count facts too.
        Map<String, Set<String>> idsByFact = new HashMap<>();
        for (WebhookReceiver.Received hook : hooks) {
            JsonNode body = json.readTree(hook.body());
            String fact = body.get("type").asString() + " " + body.get("data");
            idsByFact.computeIfAbsent(fact, f -> new TreeSet<>()).add(hook.id());
        }
        long factsTwice =
                idsByFact.values().stream().filter(ids -> ids.size() > 1).count();
        check("webhook events delivered under more than one webhook-id", factsTwice, factsTwice == 0);
        idsByFact.values().stream()
                .filter(ids -> ids.size() > 1)
                .limit(5)
                .forEach(ids -> details.add("told twice, by the messages' dedupe keys: "
                        + ids.stream().map(this::dedupeKeyOf).toList()));
        doneTwice += factsTwice;

        long uncertain = count("select count(*) from notifications.attempts where outcome = 'UNKNOWN'");
        deliveries = new Deliveries(
                received.length,
                mails.size(),
                emailCopies,
                hooks.size(),
                hookIds.size(),
                hookCopies,
                sentEmails.size(),
                sentHooks.size(),
                uncertain);
        check("distinct e-mails (by Message-ID) received more than once", emailCopies + " extra copies", true);
        check("distinct webhooks (by webhook-id) received more than once", hookCopies + " extra copies", true);
    }

    /** The scheduled delay check told each silent parcel's delay once, with two instances running it. */
    void delaysToldOnce(WebhookReceiver receiver, List<Journey> journeys) {
        Map<String, Integer> delayed = new HashMap<>();
        Map<String, Integer> byId = new HashMap<>();
        for (WebhookReceiver.Received hook : receiver.received()) {
            JsonNode body = json.readTree(hook.body());
            if (body.get("type").asString().equals("shipment.delayed") && byId.merge(hook.id(), 1, Integer::sum) == 1) {
                delayed.merge(body.get("data").get("shipment").get("shipmentId").asString(), 1, Integer::sum);
            }
        }
        long stalled = journeys.stream().filter(j -> j.stalls && j.finished).count();
        long toldTwice = delayed.values().stream().filter(n -> n > 1).count();
        long delayMessagesTwice = count(
                """
                select count(*) from (select shipment_id from notifications.messages
                    where kind = 'delayed' and status not in ('DIGESTED', 'SUPPRESSED')
                    group by shipment_id having count(*) > 1) twice""");
        check(
                "silent parcels (never scanned) told as delayed",
                delayed.size() + " of at least " + stalled,
                delayed.size() >= stalled);
        check("parcels whose delay was told twice (webhook)", toldTwice, toldTwice == 0);
        doneTwice += toldTwice + delayMessagesTwice;
        check("parcels whose delay was told twice (customer message)", delayMessagesTwice, delayMessagesTwice == 0);
    }

    private static String messageUuid(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        int at = id.indexOf('@');
        return at > 1 ? id.substring(1, at) : id;
    }

    private String dedupeKeyOf(String webhookId) {
        return jdbc.sql("select dedupe_key from notifications.messages where id = ?")
                .param(UUID.fromString(webhookId.substring("msg_".length())))
                .query(String.class)
                .optional()
                .orElse(webhookId + " (no message row)");
    }

    String table() {
        StringBuilder out = new StringBuilder("| check | figure | holds |\n|---|---:|---|\n");
        for (Check c : checks) {
            out.append(
                    String.format(Locale.ROOT, "| %s | %s | %s |%n", c.what(), c.figure(), c.holds() ? "yes" : "NO"));
        }
        details.forEach(detail -> out.append("\n- ").append(detail));
        return out.append(details.isEmpty() ? "" : "\n").toString();
    }
}
