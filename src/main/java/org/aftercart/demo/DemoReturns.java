package org.aftercart.demo;

import java.util.List;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Returns for the demo's delivered orders, one at each stage an agent or associate meets: approved
 * and waiting for the parcel, received and waiting for someone to resolve it, and resolved in a
 * store with store credit (which the wallet books and the mail catcher shows).
 */
@Component
class DemoReturns {

    private static final Logger log = LoggerFactory.getLogger(DemoReturns.class);

    private final Returns returns;

    DemoReturns(Returns returns) {
        this.returns = returns;
    }

    void create(OrderView waitingForParcel, OrderView waitingForResolution, OrderView resolvedInStore) {
        ReturnView mailed = returns.request(request(
                waitingForParcel, ReturnMethod.MAIL, null, ReturnOutcome.REFUND, "too-small", ReturnChannel.PORTAL));
        ReturnView received = returns.request(request(
                waitingForResolution,
                ReturnMethod.MAIL,
                null,
                ReturnOutcome.STORE_CREDIT,
                "changed-mind",
                ReturnChannel.PORTAL));
        returns.receive(received.id(), all(received), "warehouse");
        ReturnView inStore = returns.request(request(
                resolvedInStore,
                ReturnMethod.IN_STORE,
                "MANCHESTER",
                ReturnOutcome.STORE_CREDIT,
                "too-large",
                ReturnChannel.STORE));
        returns.receive(inStore.id(), all(inStore), "store@aftercart.demo");
        returns.resolve(inStore.id(), "store@aftercart.demo");
        log.info(
                "Demo returns: {} waits for its parcel, {} for an agent to resolve it, {} was resolved in store",
                mailed.number(),
                received.number(),
                inStore.number());
    }

    private static RequestReturn request(
            OrderView order,
            ReturnMethod method,
            @Nullable String location,
            ReturnOutcome outcome,
            String reason,
            ReturnChannel channel) {
        OrderView.Line line = order.lines().getFirst();
        return new RequestReturn(
                order.id(),
                channel,
                method,
                location,
                List.of(new RequestReturn.Item(line.id(), 1, reason, null, outcome, null, null, List.of())),
                false,
                null,
                channel == ReturnChannel.STORE ? "store@aftercart.demo" : "customer");
    }

    private static List<ReceivedItem> all(ReturnView request) {
        return request.items().stream()
                .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, true, null))
                .toList();
    }
}
