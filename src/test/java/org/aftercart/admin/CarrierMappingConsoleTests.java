package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.platform.StaffAudit;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.StatusMappingSettings;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The carrier status mappings page on real PostgreSQL: an override set there maps the next carrier
 * event, a wrong field is named and nothing is written, removing it brings the built-in row back,
 * the codes nothing mapped are counted, and each change is audited with before and after.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class CarrierMappingConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusMappingSettings mappings;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Tracking tracking;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    StaffAudit audit;

    @Autowired
    JdbcClient jdbc;

    final String admin = "admin-" + UUID.randomUUID() + "@example.org";
    /** A detail of this test's own, so that its override touches no other test's events. */
    final String detail = "customs_hold_" + UUID.randomUUID().toString().substring(0, 8);

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void anOverrideSetInTheConsoleMapsTheNextCarrierEventUntilItIsRemoved() throws Exception {
        ShipmentView first = parcel("first");
        intake.accept("easypost", "{}", List.of(report(first, "in_transit", detail)));
        assertThat(tracking.shipment(first.id()).orElseThrow().status())
                .as("the detail nobody knows falls back on its code's built-in row")
                .isEqualTo(TrackingStatus.IN_TRANSIT);

        mvc.perform(post("/console/settings/carrier-mappings")
                        .param("map-vocabulary", "easypost")
                        .param("map-code", "in_transit")
                        .param("map-detail", " " + detail + " ")
                        .param("status", "DELAYED")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());

        ShipmentView second = parcel("second");
        intake.accept("easypost", "{}", List.of(report(second, "in_transit", detail)));
        assertThat(tracking.shipment(second.id()).orElseThrow().status()).isEqualTo(TrackingStatus.DELAYED);
        assertThat(tracking.timeline(first).getFirst().status())
                .as("a stored event keeps its status")
                .isEqualTo(TrackingStatus.IN_TRANSIT);

        mvc.perform(get("/console/settings/carrier-mappings")
                        .param("vocabulary", "easypost")
                        .param("code", detail)
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("1 mapping, page 1 of 1"),
                                containsString("class=\"overridden\""),
                                containsString("Not in the built-in table"),
                                containsString("Remove mine"))));
        StaffAudit.Entry set = audit.search(admin, null, null, 1).entries().getFirst();
        assertThat(set.subjectType()).isEqualTo("status-mapping");
        assertThat(set.subjectId()).isEqualTo("easypost:in_transit:" + detail);
        assertThat(set.before()).isNull();
        assertThat(set.after()).contains("\"override\": \"DELAYED\"");

        mvc.perform(post("/console/settings/carrier-mappings/remove")
                        .param("map-vocabulary", "easypost")
                        .param("map-code", "in_transit")
                        .param("map-detail", detail)
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(mappings.override("easypost", "in_transit", detail)).isEmpty();
        ShipmentView third = parcel("third");
        intake.accept("easypost", "{}", List.of(report(third, "in_transit", detail)));
        assertThat(tracking.shipment(third.id()).orElseThrow().status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        StaffAudit.Entry removed = audit.search(admin, null, null, 1).entries().getFirst();
        assertThat(removed.before()).contains("\"override\": \"DELAYED\"");
        assertThat(removed.after()).isNull();
    }

    @Test
    void wrongFieldsAreNamedOnTheFormAndNothingIsWritten() throws Exception {
        long before = overrides();
        mvc.perform(post("/console/settings/carrier-mappings")
                        .param("map-vocabulary", "canonical")
                        .param("map-code", " ")
                        .param("map-detail", "x".repeat(201))
                        .param("status", "LOST_IN_SPACE")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("The mapping was not saved"),
                                containsString("id=\"map-vocabulary-error\""),
                                containsString("id=\"map-code-error\""),
                                containsString("id=\"map-detail-error\""),
                                containsString("id=\"status-error\""))));
        assertThat(overrides()).isEqualTo(before);
        assertThat(audit.search(admin, null, null, 1).entries().getFirst().outcome())
                .isEqualTo(StaffAudit.Outcome.REJECTED);
    }

    @Test
    void theCodesNothingMappedAreCountedWithALinkToMapThem() throws Exception {
        String unknown = "teleported_" + UUID.randomUUID().toString().substring(0, 8);
        ShipmentView parcel = parcel("unknown");
        intake.accept("easypost", "{}", List.of(report(parcel, unknown, null)));
        intake.accept("easypost", "{}", List.of(report(parcel("unknown-again"), unknown, null)));

        assertThat(mappings.unmapped(CarrierMappingAdminController.UNMAPPED_WINDOW, 1000))
                .filteredOn(code -> code.code().equals(unknown))
                .singleElement()
                .satisfies(code -> {
                    assertThat(code.events()).isEqualTo(2);
                    assertThat(code.now().mapping()).isEqualTo("unmapped");
                });
        mvc.perform(get("/console/settings/carrier-mappings")
                        .param("map-vocabulary", "easypost")
                        .param("map-code", unknown)
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"" + unknown + "\""),
                                containsString("<option value=\"easypost\" selected=\"selected\">easypost</option>"))));
    }

    @Test
    void theBuiltInTableIsFilteredByVocabularyAndCodeAndPaged() throws Exception {
        StatusMappingSettings.Page all = mappings.search(null, null, 0, CarrierMappingAdminController.PAGE_SIZE);
        assertThat(all.pages()).isGreaterThan(1);
        assertThat(mappings.search("usps", null, 0, 1000).rows())
                .allMatch(row -> row.vocabulary().equals("usps"));
        assertThat(mappings.search("easypost", "WEATHER", 0, 1000).rows())
                .extracting(StatusMappingSettings.Row::detail)
                .containsExactly("weather_delay");

        mvc.perform(get("/console/settings/carrier-mappings").param("page", "1").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("page 2 of " + all.pages()), containsString("rel=\"prev\""))));
        mvc.perform(get("/console/settings/carrier-mappings")
                        .param("vocabulary", "gls")
                        .with(asAdmin()))
                .andExpect(content().string(allOf(containsString(">gls</td>"), not(containsString(">usps</td>")))));
    }

    private long overrides() {
        return jdbc.sql("select count(*) from tracking.status_mapping_overrides")
                .query(Long.class)
                .single();
    }

    private ShipmentView parcel(String who) {
        var shipped = shipping.shipInParcels(who + "-" + UUID.randomUUID() + "@example.org", "MUG");
        return tracking.shipmentsOf(shipped.order().id()).getFirst();
    }

    private static CarrierReport report(ShipmentView parcel, String code, @Nullable String detail) {
        return new CarrierReport(
                "easypost",
                "USPS",
                Objects.requireNonNull(parcel.trackingNumber()),
                null,
                List.of(new CarrierEvent(Instant.now(), code, detail, "Checkpoint " + code, null)));
    }

    private RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }
}
