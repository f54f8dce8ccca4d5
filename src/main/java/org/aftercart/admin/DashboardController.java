package org.aftercart.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.analytics.Dashboard;
import org.aftercart.analytics.DashboardDay;
import org.aftercart.analytics.DashboardFigures;
import org.aftercart.returns.ReturnFigures;
import org.aftercart.returns.ReturnReasonLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: the analytics module's figures over 7, 30 or 90 days, as tables first (what screen
 * readers and browsers without JavaScript get) and as charts drawn by a local script from JSON in a
 * data attribute, so the page needs no inline script under the console's content security policy.
 */
@Controller
@RequestMapping("/console/dashboard")
class DashboardController {

    static final int DEFAULT_DAYS = 30;

    private final Dashboard dashboard;
    private final ConsoleText text;
    private final ReturnReasonLabels reasonLabels;
    private final JsonMapper json;

    DashboardController(Dashboard dashboard, ConsoleText text, ReturnReasonLabels reasonLabels, JsonMapper json) {
        this.reasonLabels = reasonLabels;
        this.dashboard = dashboard;
        this.text = text;
        this.json = json;
    }

    @GetMapping
    String show(@RequestParam(name = "days", required = false) Integer days, Model model) {
        int period = days != null && Dashboard.PERIODS.contains(days) ? days : DEFAULT_DAYS;
        DashboardFigures figures = dashboard.lastDays(period);
        model.addAttribute("periods", Dashboard.PERIODS);
        model.addAttribute("period", period);
        model.addAttribute("figures", figures);
        model.addAttribute("ordersChart", json.writeValueAsString(ordersChart(figures)));
        model.addAttribute("promiseChart", json.writeValueAsString(promiseChart(figures)));
        model.addAttribute("reasonsChart", json.writeValueAsString(reasonsChart(figures.returns())));
        model.addAttribute("outcomesChart", json.writeValueAsString(outcomesChart(figures.returns())));
        return "admin/dashboard";
    }

    private Map<String, Object> ordersChart(DashboardFigures figures) {
        return chart(
                "bar",
                days(figures),
                List.of(dataset(
                        text.get("dashboard.orders"),
                        figures.days().stream().map(DashboardDay::orders).toList())));
    }

    private Map<String, Object> promiseChart(DashboardFigures figures) {
        Map<String, Object> chart = chart(
                "line",
                days(figures),
                List.of(
                        dataset(
                                text.get("dashboard.shipped-on-time"),
                                figures.days().stream()
                                        .map(day -> day.shippedOnTime().percent())
                                        .toList()),
                        dataset(
                                text.get("dashboard.delivered-on-promise"),
                                figures.days().stream()
                                        .map(day -> day.deliveredOnPromise().percent())
                                        .toList())));
        chart.put("percent", true);
        return chart;
    }

    private Map<String, Object> reasonsChart(ReturnFigures returns) {
        return chart(
                "bar",
                returns.topReasons().stream()
                        .map(reason -> reasonLabel(reason.reasonCode()))
                        .toList(),
                List.of(dataset(
                        text.get("dashboard.units"),
                        returns.topReasons().stream()
                                .map(ReturnFigures.ReasonCount::units)
                                .toList())));
    }

    /** Units by outcome, all currencies together: the money is in the table, per currency. */
    private Map<String, Object> outcomesChart(ReturnFigures returns) {
        Map<String, Long> units = new LinkedHashMap<>();
        for (ReturnFigures.OutcomeMix mix : returns.outcomes()) {
            // The same labels as the return pages (return.outcome.*, checked by MessagesBundleTests).
            units.merge(
                    text.getOrCode(
                            "return.outcome." + mix.outcome().name(),
                            mix.outcome().name()),
                    mix.units(),
                    Long::sum);
        }
        return chart(
                "doughnut",
                new ArrayList<>(units.keySet()),
                List.of(dataset(text.get("dashboard.units"), new ArrayList<>(units.values()))));
    }

    String reasonLabel(String code) {
        return reasonLabels.label(code, LocaleContextHolder.getLocale());
    }

    private static List<String> days(DashboardFigures figures) {
        return figures.days().stream().map(day -> day.day().toString()).toList();
    }

    private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return chart;
    }

    private static Map<String, Object> dataset(String label, List<? extends Object> data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }
}
