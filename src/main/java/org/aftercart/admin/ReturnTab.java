package org.aftercart.admin;

import java.util.EnumSet;
import java.util.Set;
import org.aftercart.returns.ReturnStatus;

/** The tabs of the console's return list: one status each, but rejected and cancelled share one. */
enum ReturnTab {
    ALL("all", EnumSet.noneOf(ReturnStatus.class)),
    REQUESTED("requested", EnumSet.of(ReturnStatus.REQUESTED)),
    APPROVED("approved", EnumSet.of(ReturnStatus.APPROVED)),
    IN_TRANSIT("in-transit", EnumSet.of(ReturnStatus.IN_TRANSIT)),
    RECEIVED("received", EnumSet.of(ReturnStatus.RECEIVED)),
    REFUND_PENDING("refund-pending", EnumSet.of(ReturnStatus.REFUND_PENDING)),
    MANUAL_REFUND("manual-refund", EnumSet.of(ReturnStatus.MANUAL_REFUND_REQUIRED)),
    RESOLVED("resolved", EnumSet.of(ReturnStatus.RESOLVED)),
    CLOSED("closed", EnumSet.of(ReturnStatus.CANCELLED, ReturnStatus.REJECTED));

    private final String slug;
    private final Set<ReturnStatus> statuses;

    ReturnTab(String slug, Set<ReturnStatus> statuses) {
        this.slug = slug;
        this.statuses = statuses;
    }

    public String slug() {
        return slug;
    }

    Set<ReturnStatus> statuses() {
        return statuses;
    }

    /** The tab of a query parameter; every return for an unknown one. */
    static ReturnTab of(String slug) {
        for (ReturnTab tab : values()) {
            if (tab.slug.equals(slug)) {
                return tab;
            }
        }
        return ALL;
    }
}
