// Vigie dashboard: loads each chart's ECharts option from the API and
// refreshes it while data keeps arriving. The page's query string (from, to,
// bucket) is passed on, so a shared URL shows the same view.
"use strict";
(function () {
  var REFRESH_MS = 5000;
  var params = window.location.search;
  var labels = { outage_report: "signalements de panne", complaint: "plaintes", testimony: "témoignages", other: "autres" };
  var charts = {};

  function load(el) {
    var name = el.getAttribute("data-chart");
    if (!charts[name]) { charts[name] = echarts.init(el); window.addEventListener("resize", function () { charts[name].resize(); }); }
    return fetch("/api/charts/" + encodeURIComponent(name) + params)
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (option) { charts[name].setOption(option, { notMerge: true }); })
      .catch(function (e) { console.warn("chart " + name + ": " + e.message); });
  }

  function summary() {
    return fetch("/api/summary").then(function (r) { return r.json(); }).then(function (s) {
      var parts = [];
      Object.keys(labels).forEach(function (k) { parts.push((s.by_label[k] || 0).toLocaleString("fr-FR") + " " + labels[k]); });
      document.getElementById("summary").textContent = s.posts.toLocaleString("fr-FR") + " publications : " + parts.join(", ");
    }).catch(function (e) { console.warn("summary: " + e.message); });
  }

  function refresh() {
    var els = document.querySelectorAll("[data-chart]");
    var jobs = [summary()];
    for (var i = 0; i < els.length; i++) { jobs.push(load(els[i])); }
    return Promise.all(jobs);
  }

  refresh().then(function () { setInterval(refresh, REFRESH_MS); });
})();
