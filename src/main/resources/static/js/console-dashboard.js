// Draws the dashboard's charts from the JSON each canvas carries in data-chart. The tables beside
// them stay in the page for screen readers and browsers without JavaScript; once a chart is drawn
// its table folds away (still one click from sight).
(function () {
    "use strict";

    var palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490"];

    function draw(canvas) {
        var spec = JSON.parse(canvas.dataset.chart);
        var round = spec.type === "doughnut";
        var datasets = spec.datasets.map(function (dataset, index) {
            var colour = palette[index % palette.length];
            return {
                label: dataset.label,
                data: dataset.data,
                backgroundColor: round ? palette : colour,
                borderColor: round ? "#fff" : colour,
                spanGaps: true
            };
        });
        var options = { responsive: true, maintainAspectRatio: false, animation: false };
        if (!round) {
            // Counts are whole numbers; shares are per cent, from 0 to 100.
            options.scales = {
                y: spec.percent ? { min: 0, max: 100 } : { beginAtZero: true, ticks: { precision: 0 } }
            };
        }
        var figure = canvas.closest("figure");
        figure.classList.add("chart-drawn");
        new window.Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
        var details = figure.querySelector("details");
        if (details) {
            details.open = false;
        }
    }

    function start() {
        if (typeof window.Chart === "undefined") {
            return; // the tables are the page then
        }
        document.querySelectorAll("canvas[data-chart]").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
