package org.aftercart.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The console's one search box finds a customer by each of the six keys, with their latest order
 * and how many they placed; a near miss finds nobody.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class CustomerSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Returns returns;

    String surname;
    String email;
    String mobileDigits;
    CustomerId customer;
    OrderView order;
    String trackingNumber;
    String returnNumber;

    @BeforeEach
    void aCustomerWithAnOrderAParcelAndAReturn() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        surname = "Quillon" + tag.replaceAll("[0-9]", "x");
        email = "zephyrine." + tag + "@example.org";
        mobileDigits =
                String.valueOf(10_000_000 + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 89_999_999L));
        customer = customers.findOrRegister(
                new ContactDetails(email, "Zéphyrine " + surname, "+33 6 " + mobileDigits, null, null, "FR"));
        trackingNumber = "TL" + tag.toUpperCase(Locale.ROOT) + "FR";
        order = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory)
                .shipWithTrackingNumber(email, trackingNumber, "Kettle")
                .order();
        var line = order.lines().getFirst();
        orders.recordDelivery(order.id(), Map.of(line.id(), 1), "Delivered in tests", "tests");
        returnNumber = returns.request(new RequestReturn(
                        order.id(),
                        ReturnChannel.PORTAL,
                        ReturnMethod.MAIL,
                        null,
                        List.of(new RequestReturn.Item(
                                line.id(), 1, "changed-mind", null, ReturnOutcome.REFUND, null, null, List.of())),
                        false,
                        null,
                        "customer"))
                .number();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name",
                "name start",
                "email",
                "email start",
                "phone",
                "national phone",
                "order",
                "tracking",
                "return"
            })
    void findsTheCustomerBy(String key) throws Exception {
        String query =
                switch (key) {
                    case "name" -> "zéphyrine " + surname.toLowerCase(Locale.ROOT);
                    case "name start" -> surname.substring(0, surname.length() - 2);
                    case "email" -> email.toUpperCase(Locale.ROOT);
                    case "email start" -> email.substring(0, email.indexOf('@'));
                    case "phone" -> "+33 (0)6 " + mobileDigits.substring(0, 4) + " " + mobileDigits.substring(4);
                    case "national phone" -> "06-" + mobileDigits;
                    case "order" -> order.number().toLowerCase(Locale.ROOT);
                    case "tracking" -> trackingNumber.toLowerCase(Locale.ROOT);
                    case "return" -> returnNumber;
                    default -> throw new IllegalArgumentException(key);
                };
        search(query)
                .andExpect(content().string(containsString("/console/customers/" + customer.id())))
                .andExpect(content().string(containsString(surname)))
                .andExpect(content().string(containsString(order.number())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "tracking", "return"})
    void saysWhichNumberFoundThem(String key) throws Exception {
        String query =
                switch (key) {
                    case "order" -> order.number();
                    case "tracking" -> trackingNumber;
                    default -> returnNumber;
                };
        search(query).andExpect(content().string(containsString(key.equals("tracking") ? "parcel " : key + " ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "name"})
    void aNearMissFindsNobody(String key) throws Exception {
        String query = key.equals("phone") ? "+33 6 " + mobileDigits.substring(1) + "9" : surname + "zz";
        search(query).andExpect(content().string(not(containsString("/console/customers/" + customer.id()))));
    }

    private ResultActions search(String query) throws Exception {
        return mvc.perform(get("/console/customers")
                        .param("q", query)
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk());
    }
}
