package org.aftercart.returns;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aftercart.payments.PaymentProvider;
import org.aftercart.shared.Money;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

@TestConfiguration(proxyBeanMethods = false)
class ReturnsTestConfiguration {

    static final String PROVIDER = "returns-test";

    /** Moves money like the offline provider, but refuses refunds for the order numbers it is told. */
    static class ScriptedProvider implements PaymentProvider {

        final Set<String> refusingRefundsFor = ConcurrentHashMap.newKeySet();
        final List<String> refundCalls = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return PROVIDER;
        }

        @Override
        public Result charge(String orderReference, Money amount, String idempotencyKey) {
            return Result.success("charge-" + idempotencyKey);
        }

        @Override
        public Result refund(String orderReference, Money amount, String idempotencyKey) {
            refundCalls.add(idempotencyKey);
            return refusingRefundsFor.contains(orderReference)
                    ? Result.failure("card expired")
                    : Result.success("refund-" + idempotencyKey);
        }

        @Override
        public Result hold(String orderReference, Money amount, String idempotencyKey) {
            return Result.success("hold-" + idempotencyKey);
        }

        @Override
        public Result releaseHold(String holdReference, String idempotencyKey) {
            return Result.success("release-" + idempotencyKey);
        }

        @Override
        public Result captureHold(String holdReference, Money amount, String idempotencyKey) {
            return Result.success("capture-" + idempotencyKey);
        }
    }

    /** Every event the returns module publishes, as published (in the publishing transaction). */
    static class RecordedEvents {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ReturnRequested event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnApproved event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnRejected event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnInTransit event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnReceived event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnResolved event) {
            events.add(event);
        }

        @EventListener
        void on(ReturnCancelled event) {
            events.add(event);
        }

        @EventListener
        void on(ManualRefundRequired event) {
            events.add(event);
        }

        /** The kinds of events published for one return, in order. */
        List<String> kindsOf(ReturnId id) {
            return events.stream()
                    .filter(event -> id.equals(returnIdOf(event)))
                    .map(event -> event.getClass().getSimpleName())
                    .toList();
        }

        <T> List<T> of(Class<T> type, ReturnId id) {
            return events.stream()
                    .filter(type::isInstance)
                    .filter(event -> id.equals(returnIdOf(event)))
                    .map(type::cast)
                    .toList();
        }

        private static ReturnId returnIdOf(Object event) {
            return switch (event) {
                case ReturnRequested e -> e.request().id();
                case ReturnApproved e -> e.request().id();
                case ReturnRejected e -> e.request().id();
                case ReturnInTransit e -> e.request().id();
                case ReturnReceived e -> e.request().id();
                case ReturnCancelled e -> e.request().id();
                case ManualRefundRequired e -> e.request().id();
                case ReturnResolved e -> e.returnId();
                default -> null;
            };
        }
    }

    @Bean
    ScriptedProvider scriptedPaymentProvider() {
        return new ScriptedProvider();
    }

    @Bean
    RecordedEvents recordedReturnEvents() {
        return new RecordedEvents();
    }
}
