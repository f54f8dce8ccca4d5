package org.aftercart.admin;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.LateShipment;
import org.aftercart.notifications.Notifications;
import org.aftercart.orders.OrderId;
import org.aftercart.returns.ReturnSummary;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.StuckParcel;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What needs a person now: orders not shipped by their ship-by time, parcels delayed or stuck,
 * messages and webhooks that failed (the messages page lists both), returns waiting for receipt or
 * refund. Each list comes from its module's public API, on indexed queries, a page at a time.
 */
@Controller
@RequestMapping("/console/operations")
class OperationsController {

    static final int PAGE_SIZE = 25;
    static final int MAX_DAYS = 365;

    /** A parcel with the link to the page its customer sees. */
    record ParcelRow(StuckParcel parcel, String trackingPath) {}

    private final Fulfillment fulfillment;
    private final Tracking tracking;
    private final TrackingLinks trackingLinks;
    private final Notifications notifications;
    private final Returns returns;
    private final ConsoleText text;
    private final int stuckAfterDays;
    private final int returnWaitingDays;

    OperationsController(
            Fulfillment fulfillment,
            Tracking tracking,
            TrackingLinks trackingLinks,
            Notifications notifications,
            Returns returns,
            ConsoleText text,
            @Value("${aftercart.console.operations.stuck-after-days:3}") int stuckAfterDays,
            @Value("${aftercart.console.operations.return-waiting-days:7}") int returnWaitingDays) {
        this.fulfillment = fulfillment;
        this.tracking = tracking;
        this.trackingLinks = trackingLinks;
        this.notifications = notifications;
        this.returns = returns;
        this.text = text;
        this.stuckAfterDays = stuckAfterDays;
        this.returnWaitingDays = returnWaitingDays;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("lateOrders", fulfillment.countNotShippedInTime());
        model.addAttribute("stuckParcels", tracking.countStuckParcels(Duration.ofDays(stuckAfterDays)));
        model.addAttribute("failedDeliveries", notifications.countProblems());
        model.addAttribute("returnsForReceipt", returns.countWaitingForReceipt(Duration.ofDays(returnWaitingDays)));
        model.addAttribute("returnsForRefund", returns.countWaitingForRefund());
        model.addAttribute("stuckAfterDays", stuckAfterDays);
        model.addAttribute("returnWaitingDays", returnWaitingDays);
        return "admin/operations";
    }

    @GetMapping("/late-orders")
    String lateOrders(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        List<LateShipment> found = fulfillment.notShippedInTime(current, PAGE_SIZE + 1);
        model.addAttribute("rows", found.stream().limit(PAGE_SIZE).toList());
        paging(model, current, found.size() > PAGE_SIZE);
        return "admin/operations-late-orders";
    }

    /**
     * Hurries an order still in its hold window to the warehouse; the module refuses any other step.
     * An htmx request gets its row back in its new state with the outcome for the page's live region;
     * a plain form post goes back to the list with the outcome as a flash.
     */
    @PostMapping("/late-orders/{id}/release")
    String release(
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        Flash outcome;
        try {
            var released = fulfillment.release(id);
            outcome = Flash.success(text.get("operations.late-orders.released", released.orderNumber()));
        } catch (ErrorResponseException e) {
            outcome = Flash.error(text.problem(e));
        }
        if ("true".equals(htmx)) {
            var row = fulfillment.lateShipment(id);
            if (row.isPresent()) {
                model.addAttribute("row", row.get());
                return RowAnswer.of("admin/operations-late-orders", outcome, model);
            }
        }
        redirect.addFlashAttribute(Flash.ATTRIBUTE, outcome);
        return "redirect:/console/operations/late-orders";
    }

    @GetMapping("/stuck-parcels")
    String stuckParcels(
            @RequestParam(name = "days", required = false) Integer days,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int silentDays = days(days, stuckAfterDays);
        int current = Math.max(page, 0);
        List<StuckParcel> found = tracking.stuckParcels(Duration.ofDays(silentDays), current, PAGE_SIZE + 1);
        model.addAttribute(
                "rows",
                found.stream()
                        .limit(PAGE_SIZE)
                        .map(parcel -> new ParcelRow(parcel, trackingLinks.pathFor(new OrderId(parcel.orderId()))))
                        .toList());
        model.addAttribute("days", silentDays);
        paging(model, current, found.size() > PAGE_SIZE);
        return "admin/operations-stuck-parcels";
    }

    @GetMapping("/returns")
    String waitingReturns(
            @RequestParam(name = "waiting", defaultValue = "receipt") String waiting,
            @RequestParam(name = "days", required = false) Integer days,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean forRefund = "refund".equals(waiting);
        int waitingDays = days(days, returnWaitingDays);
        int current = Math.max(page, 0);
        List<ReturnSummary> found = forRefund
                ? returns.waitingForRefund(current, PAGE_SIZE + 1)
                : returns.waitingForReceipt(Duration.ofDays(waitingDays), current, PAGE_SIZE + 1);
        model.addAttribute("rows", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("waiting", forRefund ? "refund" : "receipt");
        model.addAttribute("days", waitingDays);
        paging(model, current, found.size() > PAGE_SIZE);
        return "admin/operations-returns";
    }

    private static int days(Integer asked, int configured) {
        return asked == null ? configured : Math.clamp(asked, 0, MAX_DAYS);
    }

    private static void paging(Model model, int page, boolean hasNext) {
        model.addAttribute("page", page);
        model.addAttribute("hasNext", hasNext);
    }
}
