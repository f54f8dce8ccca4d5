package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order status is derived from the line buckets, and only there. */
class OrderStatusUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # case                              | line A: ord,canc,ship,deliv,ret | line B                | packing | status
            nothing happened yet                | 2,0,0,0,0                      | 1,0,0,0,0             | false   | PLACED
            packing started                     | 2,0,0,0,0                      | 1,0,0,0,0             | true    | IN_FULFILMENT
            one line shipped                    | 2,0,2,0,0                      | 1,0,0,0,0             | true    | PARTIALLY_SHIPPED
            cancelled rest counts as shipped    | 2,0,2,0,0                      | 1,1,0,0,0             | true    | SHIPPED
            one unit delivered                  | 2,0,2,1,0                      | 1,0,1,0,0             | true    | PARTIALLY_DELIVERED
            all delivered                       | 2,0,2,2,0                      | 1,0,1,1,0             | true    | DELIVERED
            one unit returned                   | 2,0,2,2,1                      | 1,0,1,1,0             | true    | PARTIALLY_RETURNED
            everything returned                 | 2,0,2,2,2                      | 1,0,1,1,1             | true    | RETURNED
            everything cancelled                | 2,2,0,0,0                      | 1,1,0,0,0             | false   | CANCELLED
            """)
    void derivesTheOrderStatusFromLineBuckets(
            String name, String lineA, String lineB, boolean packing, OrderStatus expected) {
        assertThat(OrderStatus.derive(List.of(line(lineA), line(lineB)), packing))
                .isEqualTo(expected);
    }

    private static LineQuantities line(String buckets) {
        String[] q = buckets.split(",");
        int ordered = Integer.parseInt(q[0]), cancelled = Integer.parseInt(q[1]), shipped = Integer.parseInt(q[2]);
        int delivered = Integer.parseInt(q[3]), returned = Integer.parseInt(q[4]);
        return new LineQuantities(ordered, cancelled, shipped, shipped, delivered, returned, returned, 0);
    }
}
