// Primary Pipeline console: charts from the JSON data blocks the pages carry, and confirmations for
// actions that cannot be undone. Loaded as a file so the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  // Distinguishable for common colour-vision deficiencies (Okabe-Ito), readable on white.
  var COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31"];

  function data(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-source"));
    return source ? JSON.parse(source.textContent) : null;
  }

  function roundsChart(canvas, d) {
    var datasets = d.series.map(function (s, i) {
      return { label: s.label, data: s.data, backgroundColor: COLOURS[i % COLOURS.length] };
    });
    datasets.push({ label: "Exhausted", data: d.exhausted, backgroundColor: "#9AA3AE" });
    return new Chart(canvas, {
      type: "bar",
      data: { labels: d.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: "units" } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function turnoutChart(canvas, d) {
    return new Chart(canvas, {
      data: {
        labels: d.labels,
        datasets: [
          { type: "bar", label: "Ballots that day", data: d.perDay, backgroundColor: COLOURS[0] },
          { type: "line", label: "Ballots so far", data: d.cumulative, borderColor: COLOURS[1], backgroundColor: COLOURS[1] }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  // One horizontal bar per factor: blue helps, orange hurts, so the sign reads without the axis.
  function factorsChart(canvas, d) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: d.labels,
        datasets: [{ label: d.unit, data: d.values,
          backgroundColor: d.values.map(function (v) { return v >= 0 ? COLOURS[0] : COLOURS[1]; }) }]
      },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { title: { display: true, text: d.unit } } },
        plugins: { legend: { display: false } }
      }
    });
  }

  function scoresChart(canvas, d) {
    var datasets = d.series.map(function (s, i) {
      return { label: s.label, data: s.data, backgroundColor: COLOURS[i % COLOURS.length], pointRadius: 3 };
    });
    return new Chart(canvas, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { title: { display: true, text: "rank" }, min: 1 },
          y: { title: { display: true, text: "expected wins per $1M" }, beginAtZero: true }
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { label: function (c) { return c.raw.district + ": #" + c.raw.x + ", " + c.raw.y; } } }
        }
      }
    });
  }

  // A fundraiser's days: gifts above the line, refunds and disputes below it, in dollars.
  function moneyDaysChart(canvas, d) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: d.labels,
        datasets: [
          { label: "Gifts", data: d.gross, backgroundColor: COLOURS[2] },
          { label: "Refunds and disputes", data: d.refunds, backgroundColor: COLOURS[1] }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "dollars" } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function drawCharts(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    (root || document).querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (Chart.getChart(canvas)) {
        return;
      }
      var d = data(canvas);
      if (!d) {
        return;
      }
      if (canvas.getAttribute("data-chart") === "rounds") {
        roundsChart(canvas, d);
      } else if (canvas.getAttribute("data-chart") === "turnout") {
        turnoutChart(canvas, d);
      } else if (canvas.getAttribute("data-chart") === "factors") {
        factorsChart(canvas, d);
      } else if (canvas.getAttribute("data-chart") === "scores") {
        scoresChart(canvas, d);
      } else if (canvas.getAttribute("data-chart") === "money-days") {
        moneyDaysChart(canvas, d);
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawCharts(event.target); });
})();
