package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.orders.OrderId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table of a return: every move it allows, and every other move refused. */
class ReturnStatusUnitTests {

    /** The whole table: from → the statuses it may move to. Anything not listed is refused. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    REQUESTED              | APPROVED REJECTED CANCELLED
                    APPROVED               | IN_TRANSIT RECEIVED REFUND_PENDING RESOLVED CANCELLED
                    IN_TRANSIT             | RECEIVED CANCELLED
                    RECEIVED               | REFUND_PENDING RESOLVED
                    REFUND_PENDING         | RESOLVED MANUAL_REFUND_REQUIRED
                    MANUAL_REFUND_REQUIRED | RESOLVED
                    REJECTED               |
                    RESOLVED               |
                    CANCELLED              |
                    """)
    void allowsExactlyTheListedMoves(ReturnStatus from, String allowed) {
        Set<ReturnStatus> expected = allowed == null
                ? Set.of()
                : Arrays.stream(allowed.trim().split("\\s+"))
                        .map(ReturnStatus::valueOf)
                        .collect(Collectors.toSet());
        assertThat(from.next()).isEqualTo(expected);
        assertThat(from.isFinal()).isEqualTo(expected.isEmpty());
    }

    static Stream<Arguments> everyMove() {
        return Arrays.stream(ReturnStatus.values())
                .flatMap(from -> Arrays.stream(ReturnStatus.values()).map(to -> Arguments.of(from, to)));
    }

    /** The aggregate applies the table: an allowed move is journaled, a refused one names the current status. */
    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyMove")
    void aggregateMovesOnlyAlongTheTable(ReturnStatus from, ReturnStatus to) {
        ReturnRequest request = new ReturnRequest(
                UUID.randomUUID(),
                "R-AC-1-1",
                new OrderId(UUID.randomUUID()),
                "AC-1",
                null,
                "jo@example.org",
                Currency.getInstance("EUR"),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                false,
                null,
                ExchangeDelivery.SHIPPED,
                from,
                Instant.EPOCH,
                List.of(),
                0,
                3);
        if (from.canMoveTo(to)) {
            request.moveTo(to, "moved", "agent:ann", Instant.EPOCH, "why");
            assertThat(request.status).isEqualTo(to);
            assertThat(request.newSteps).singleElement().satisfies(step -> {
                assertThat(step.seq()).isEqualTo(4);
                assertThat(step.from()).isEqualTo(from);
                assertThat(step.to()).isEqualTo(to);
                assertThat(step.actor()).isEqualTo("agent:ann");
            });
        } else {
            assertThatThrownBy(() -> request.moveTo(to, "moved", "agent:ann", Instant.EPOCH, null))
                    .isInstanceOf(ReturnStepNotAllowed.class)
                    .hasMessageContaining("R-AC-1-1 is " + from);
            assertThat(request.status).isEqualTo(from);
            assertThat(request.newSteps).isEmpty();
        }
    }
}
