package org.aftercart.returns;

import java.util.List;

/**
 * One page of a return search, newest first.
 *
 * @param page zero-based
 * @param hasNext whether a further page holds at least one more return
 */
public record ReturnSummaryPage(List<ReturnSummary> returns, int page, int size, boolean hasNext) {

    public ReturnSummaryPage {
        returns = List.copyOf(returns);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean isEmpty() {
        return returns.isEmpty();
    }
}
