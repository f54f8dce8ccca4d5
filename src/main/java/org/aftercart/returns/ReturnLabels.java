package org.aftercart.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.returns.labels.CarrierLabels;
import org.aftercart.returns.labels.LabelRequest;
import org.aftercart.returns.labels.PrintableReturnLabels;
import org.aftercart.returns.labels.ReturnLabel;
import org.springframework.stereotype.Service;

/**
 * The shipping label of a mail return, made by the configured {@link CarrierLabels} from the
 * return's number, the merchant's return address ({@code aftercart.returns.return-address}) and the
 * order's ship-to address. The first label of an approved return records its parcel on the return
 * ({@link Returns#attachParcel}), so tracking follows it from then on; later labels record nothing.
 *
 * <p>Also the {@link PrepaidLabels} seam: once a mail return is approved, a carrier adapter buys its
 * label at once. The built-in printable label buys nothing, so it is only drawn when the customer
 * downloads it.
 */
@Service
public class ReturnLabels implements PrepaidLabels {

    static final String ACTOR = "labels";

    private final Returns returns;
    private final OrderManagement orders;
    private final CarrierLabels carrierLabels;
    private final ReturnSettings settings;

    ReturnLabels(Returns returns, OrderManagement orders, CarrierLabels carrierLabels, ReturnSettings settings) {
        this.returns = returns;
        this.orders = orders;
        this.carrierLabels = carrierLabels;
        this.settings = settings;
    }

    /**
     * The label of a mail return, its words in {@code locale}.
     *
     * @throws ReturnStepNotAllowed when the return is not one sent by mail with its items coming back
     */
    public ReturnLabel labelFor(ReturnId id, Locale locale) {
        ReturnView request = returns.find(id).orElseThrow(() -> new ReturnNotFound(id.toString()));
        if (!needsLabel(request)) {
            throw new ReturnStepNotAllowed(request.number(), request.status(), "given a shipping label");
        }
        ReturnLabel label = carrierLabels.createLabel(
                new LabelRequest(request.number(), settings.returnAddress(), from(request), locale));
        if (request.status() == ReturnStatus.APPROVED && request.trackingNumber() == null) {
            returns.attachParcel(id, label.carrierName(), label.trackingNumber(), ACTOR);
        }
        return label;
    }

    /** Whether the return is one that gets a label: mailed, its items coming back, not over yet. */
    public static boolean needsLabel(ReturnView request) {
        return request.method() == ReturnMethod.MAIL
                && !request.returnless()
                && (request.status() == ReturnStatus.APPROVED || request.status() == ReturnStatus.IN_TRANSIT);
    }

    /** Whether labels come from a carrier with the postage paid; the built-in printable label is not. */
    public boolean prepaid() {
        return !PrintableReturnLabels.NAME.equals(carrierLabels.name());
    }

    @Override
    public void requestFor(ReturnView approved) {
        if (prepaid()) {
            labelFor(approved.id(), Locale.ENGLISH);
        }
    }

    private List<String> from(ReturnView request) {
        OrderView order = orders.find(request.orderId()).orElseThrow();
        ShippingAddress to = order.shipTo();
        List<String> lines = new ArrayList<>();
        if (to != null) {
            Stream.of(to.name(), to.line1(), to.line2()).forEach(lines::add);
            lines.add(join(to.postcode(), to.city()));
            lines.add(join(to.region(), to.country()));
        }
        if (lines.stream().allMatch(line -> line == null || line.isBlank())) {
            lines = new ArrayList<>(List.of(order.customerName() == null ? order.number() : order.customerName()));
        }
        return lines.stream()
                .filter(line -> line != null && !line.isBlank())
                .limit(LabelRequest.MAX_ADDRESS_LINES)
                .toList();
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" "));
    }
}
