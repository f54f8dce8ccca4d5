package org.aftercart.tracking;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the delivery promise model ({@link TransitTimes}, the class the application uses) on
 * the delivered orders of the Olist sample, side by side with Olist's own estimated delivery
 * dates. Not a test: run it with {@code ./mvnw -Ppromise-evaluation test -DskipTests}
 * (docs/benchmarks.md). The data is read from the shared data folder at run time and never copied.
 *
 * <p>Time-based split: the model learns from the orders delivered before the cut-off and is
 * evaluated on the orders purchased on or after it, so it never sees a delivery that had not
 * happened when the evaluated orders were placed. Origin is the seller's state, the destination
 * area the customer's state (country BR), carrier and service are unknown (one constant), the
 * weekday is that of the day the transit is counted from. Days are calendar days between local
 * dates.
 */
public final class OlistPromiseEvaluation {

    /** One delivered Olist order, with the state of the seller of its first item. */
    record Order(
            String id,
            LocalDateTime purchased,
            LocalDateTime handedOver,
            LocalDateTime delivered,
            LocalDate estimated,
            String sellerState,
            String customerState) {}

    /** The delivered orders that can be evaluated, and how many were left out and why. */
    record Orders(List<Order> usable, int delivered, int incomplete, int carrierAfterDelivery) {}

    /** Where the transit is counted from: the carrier's hand-over (as Aftercart promises) or the purchase. */
    enum Start {
        HAND_OVER,
        PURCHASE;

        LocalDate of(Order order) {
            return (this == HAND_OVER ? order.handedOver() : order.purchased()).toLocalDate();
        }
    }

    /**
     * How one way of promising did on the evaluated orders; days are counted from the start.
     *
     * @param meanAbsoluteError mean of |point estimate − delivery| in days (our P50 date, Olist's
     *     estimated date)
     * @param bias mean of (point estimate − delivery): negative when it is optimistic
     * @param onTime share delivered on or before the promised date (our P90 date, Olist's estimate)
     * @param meanPromisedDays mean days from the start to the promised date
     * @param meanActualDays mean days from the start to the delivery
     */
    record Figures(
            int orders,
            double meanAbsoluteError,
            double bias,
            double onTime,
            double meanPromisedDays,
            double meanActualDays) {}

    /** Ours and Olist's on the same orders, counted from one start. */
    record Comparison(
            Start start,
            Figures ours,
            Figures olist,
            Map<TransitTimes.Level, Integer> levels,
            int unanswered,
            long trainedOn) {}

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OlistPromiseEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path olist = Path.of(args.length > 0 ? args[0] : "../shared/data/olist");
        LocalDate cutOff = LocalDate.parse(args.length > 1 ? args[1] : "2018-03-01");
        int minSamples = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        Orders orders = read(olist);
        System.out.printf(
                Locale.ROOT,
                "%,d delivered orders, %,d usable (%,d without hand-over, delivery or estimate, %,d handed over"
                        + " after delivery)%n",
                orders.delivered(),
                orders.usable().size(),
                orders.incomplete(),
                orders.carrierAfterDelivery());
        System.out.printf(
                Locale.ROOT,
                "learns from orders delivered before %s, evaluated on orders purchased from %s on; at least %d"
                        + " samples per answer%n%n",
                cutOff,
                cutOff,
                minSamples);
        for (Start start : Start.values()) {
            for (boolean relearnDaily : new boolean[] {false, true}) {
                Comparison comparison = evaluate(orders.usable(), cutOff, minSamples, start, relearnDaily);
                System.out.printf(
                        Locale.ROOT,
                        "from %s, %s: evaluated on %,d orders; answering level %s, unanswered %d%n",
                        start,
                        relearnDaily
                                ? "relearned daily from all earlier deliveries"
                                : "learned once from the " + comparison.trainedOn() + " orders delivered before "
                                        + cutOff,
                        comparison.ours().orders(),
                        comparison.levels(),
                        comparison.unanswered());
                System.out.println(
                        "| promise | MAE (days) | bias (days) | on time | mean promised days | mean actual days |");
                System.out.println("|---|---|---|---|---|---|");
                print("Aftercart (P50 point, P90 promise)", comparison.ours());
                print("Olist estimated date", comparison.olist());
                System.out.println();
            }
        }
    }

    private static void print(String name, Figures figures) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.2f | %+.2f | %.1f %% | %.1f | %.1f |%n",
                name,
                figures.meanAbsoluteError(),
                figures.bias(),
                100 * figures.onTime(),
                figures.meanPromisedDays(),
                figures.meanActualDays());
    }

    /**
     * Learns from the orders delivered before the cut-off and compares the promises for the orders
     * purchased on or after it. Where the model has too few samples at every level the promise falls
     * back on Olist's estimate, as the application falls back on the carrier's.
     */
    static Comparison evaluate(List<Order> orders, LocalDate cutOff, int minSamples, Start start) {
        return evaluate(orders, cutOff, minSamples, start, false);
    }

    /**
     * As {@link #evaluate(List, LocalDate, int, Start)}; when {@code relearnDaily}, each order's
     * promise comes from a model learned from all orders delivered before the day the transit is
     * counted from, as the application relearns as it goes, instead of one model frozen at the
     * cut-off.
     */
    static Comparison evaluate(
            List<Order> orders, LocalDate cutOff, int minSamples, Start start, boolean relearnDaily) {
        Map<LocalDate, TransitTimes> models = new HashMap<>();
        TransitTimes frozen = learn(orders, cutOff, minSamples, start);

        Map<TransitTimes.Level, Integer> levels = new EnumMap<>(TransitTimes.Level.class);
        int unanswered = 0;
        Totals ours = new Totals();
        Totals olist = new Totals();
        for (Order order : orders) {
            if (order.purchased().toLocalDate().isBefore(cutOff)) {
                continue;
            }
            LocalDate from = start.of(order);
            LocalDate delivered = order.delivered().toLocalDate();
            TransitTimes model =
                    relearnDaily ? models.computeIfAbsent(from, day -> learn(orders, day, minSamples, start)) : frozen;
            var estimate = model.estimate(segment(order, start));
            LocalDate point;
            LocalDate promise;
            if (estimate.isPresent()) {
                levels.merge(estimate.get().level(), 1, Integer::sum);
                point = from.plusDays(estimate.get().p50());
                promise = from.plusDays(estimate.get().p90());
            } else {
                unanswered++;
                point = order.estimated();
                promise = order.estimated();
            }
            ours.add(from, point, promise, delivered);
            olist.add(from, order.estimated(), order.estimated(), delivered);
        }
        return new Comparison(start, ours.figures(), olist.figures(), levels, unanswered, frozen.samples());
    }

    /** The model of the orders delivered before {@code day}. */
    private static TransitTimes learn(List<Order> orders, LocalDate day, int minSamples, Start start) {
        TransitTimes.Builder builder = TransitTimes.builder(minSamples);
        for (Order order : orders) {
            if (order.delivered().toLocalDate().isBefore(day)) {
                builder.add(
                        segment(order, start),
                        days(start.of(order), order.delivered().toLocalDate()));
            }
        }
        return builder.build();
    }

    static TransitTimes.Segment segment(Order order, Start start) {
        return TransitTimes.Segment.of(
                order.sellerState(),
                "BR",
                order.customerState(),
                "olist",
                null,
                start.of(order).getDayOfWeek());
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    private static final class Totals {
        int orders;
        long absoluteError;
        long error;
        int onTime;
        long promisedDays;
        long actualDays;

        void add(LocalDate from, LocalDate point, LocalDate promise, LocalDate delivered) {
            orders++;
            absoluteError += Math.abs(days(delivered, point));
            error += days(delivered, point);
            if (!delivered.isAfter(promise)) {
                onTime++;
            }
            promisedDays += days(from, promise);
            actualDays += days(from, delivered);
        }

        Figures figures() {
            double n = Math.max(1, orders);
            return new Figures(orders, absoluteError / n, error / n, onTime / n, promisedDays / n, actualDays / n);
        }
    }

    /**
     * Reads the delivered orders from the Olist folder: {@code sample/} orders, items and customers,
     * and the complete sellers table.
     */
    static Orders read(Path olist) throws IOException {
        Map<String, String> sellerStates = new HashMap<>();
        each(
                olist.resolve("olist_sellers_dataset.csv.gz"),
                row -> sellerStates.put(row.getField("seller_id"), row.getField("seller_state")));
        Map<String, String> customerStates = new HashMap<>();
        each(
                olist.resolve("sample/olist_customers_dataset.csv.gz"),
                row -> customerStates.put(row.getField("customer_id"), row.getField("customer_state")));
        Map<String, String> firstSellers = new HashMap<>();
        each(olist.resolve("sample/olist_order_items_dataset.csv.gz"), row -> {
            if (row.getField("order_item_id").equals("1")) {
                firstSellers.put(row.getField("order_id"), row.getField("seller_id"));
            }
        });
        List<Order> usable = new ArrayList<>();
        int[] counts = new int[3]; // delivered, incomplete, handed over after delivery
        each(olist.resolve("sample/olist_orders_dataset.csv.gz"), row -> {
            if (!row.getField("order_status").equals("delivered")) {
                return;
            }
            counts[0]++;
            LocalDateTime purchased = timestamp(row.getField("order_purchase_timestamp"));
            LocalDateTime handedOver = timestamp(row.getField("order_delivered_carrier_date"));
            LocalDateTime delivered = timestamp(row.getField("order_delivered_customer_date"));
            LocalDateTime estimated = timestamp(row.getField("order_estimated_delivery_date"));
            String seller = firstSellers.get(row.getField("order_id"));
            String sellerState = seller == null ? null : sellerStates.get(seller);
            String customerState = customerStates.get(row.getField("customer_id"));
            if (purchased == null
                    || handedOver == null
                    || delivered == null
                    || estimated == null
                    || sellerState == null
                    || customerState == null) {
                counts[1]++;
                return;
            }
            if (handedOver.toLocalDate().isAfter(delivered.toLocalDate())) {
                counts[2]++;
                return;
            }
            usable.add(new Order(
                    row.getField("order_id"),
                    purchased,
                    handedOver,
                    delivered,
                    estimated.toLocalDate(),
                    sellerState,
                    customerState));
        });
        return new Orders(List.copyOf(usable), counts[0], counts[1], counts[2]);
    }

    private static @Nullable LocalDateTime timestamp(String text) {
        return text.isBlank() ? null : LocalDateTime.parse(text.strip(), TIMESTAMP);
    }

    private static void each(Path file, Consumer<NamedCsvRecord> action) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : csv) {
                action.accept(row);
            }
        }
    }
}
