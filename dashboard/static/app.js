// Vigie dashboard. Every refresh resolves the view once (/api/summary), then
// loads each chart's ECharts option, the regions affected now and the latest
// posts for exactly that window. Filters live in the page's URL, so a view
// can be shared. User text (posts, authors, examples) is only ever inserted
// with textContent, never as HTML.
"use strict";
(function () {
  var body = document.body;
  var S = JSON.parse(body.getAttribute("data-strings") || "{}");
  var LANG = body.getAttribute("data-lang") || "fr";
  var REFRESH_MS = parseInt(body.getAttribute("data-refresh"), 10) || 10000;
  var MAP_NAME = "vigie-fr-regions";
  var charts = {}; // name -> {chart, option, meta}
  var resolved = null; // the last /api/summary answer
  var busy = false;
  var timer = null;
  var mapReady = null;
  var sel = { region: null, label: "", incident: "", incidentName: "" };

  var timeFmt = new Intl.DateTimeFormat(S.locale || "fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
  var dateTimeFmt = new Intl.DateTimeFormat(S.locale || "fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  var numFmt = new Intl.NumberFormat(S.locale || "fr-FR");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // The view's filters: the page URL's query string, without the posts selection.
  function filterParams() {
    var p = new URLSearchParams(window.location.search);
    p.delete("posts_region"); p.delete("posts_label"); p.delete("incident");
    p.set("lang", LANG);
    return p;
  }

  // The filters with the resolved window: every call of a refresh uses it.
  function viewParams() {
    var p = filterParams();
    if (resolved) {
      p.set("from", resolved.window.from);
      p.set("to", resolved.window.to);
      p.set("bucket", resolved.window.bucket);
      p.delete("range");
    }
    return p;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body && body.error ? body.error : "HTTP " + r.status); }
        return body;
      });
    });
  }

  function loadMap() {
    if (!mapReady) {
      mapReady = getJSON("/map/fr-regions.json").then(function (geo) { echarts.registerMap(MAP_NAME, geo); });
    }
    return mapReady;
  }

  function chartError(name, message) {
    var p = document.querySelector('[data-error-for="' + name + '"]');
    if (!p) { return; }
    p.hidden = !message;
    p.textContent = message ? (S["chart.error"] + " " + message) : "";
  }

  function ensureChart(name, node) {
    if (!charts[name]) {
      var c = echarts.init(node, null, { renderer: "canvas" });
      charts[name] = { chart: c, option: null, meta: {} };
      c.on("click", function (params) { onChartClick(name, params); });
    }
    return charts[name];
  }

  function loadChart(node) {
    var name = node.getAttribute("data-chart");
    var ready = name === "outages-map" ? loadMap() : Promise.resolve();
    return ready.then(function () {
      return getJSON("/api/charts/" + encodeURIComponent(name) + "?" + viewParams().toString());
    }).then(function (res) {
      var h = res.meta && res.meta.height ? res.meta.height + "px" : "";
      if (node.style.height !== h) {
        node.style.height = h;
        if (charts[name]) { charts[name].chart.resize(); }
      }
      var entry = ensureChart(name, node);
      entry.option = res.option;
      entry.meta = res.meta || {};
      fitSubtitle(node, res.option);
      entry.chart.setOption(res.option, { replaceMerge: ["series", "xAxis", "yAxis", "grid", "visualMap"] });
      chartError(name, "");
    }).catch(function (e) { chartError(name, e.message); });
  }

  // The subtitle wraps at the chart's own width.
  function fitSubtitle(node, option) {
    if (option.title && option.title.subtextStyle) { option.title.subtextStyle.width = Math.max(200, node.clientWidth - 30); }
  }

  function onChartClick(name, params) {
    var meta = charts[name] ? charts[name].meta : {};
    if (name === "outages-by-region") {
      if (params.componentType === "markArea" && meta.incidents) {
        for (var i = 0; i < meta.incidents.length; i++) {
          if (meta.incidents[i].name === params.name) { selectIncident(meta.incidents[i].id, params.name); return; }
        }
      } else if (params.componentType === "series" && params.seriesId && params.seriesId.indexOf("region:") === 0) {
        selectRegion(params.seriesId.slice(7));
      }
    } else if (name === "outages-map" && params.data && params.data.code) {
      selectRegion(params.data.code);
    } else if (name === "label-mix" && params.seriesId && params.seriesId.indexOf("label:") === 0) {
      selectLabel(params.seriesId.slice(6));
    } else if (name === "teacher-sentiment" && params.data && meta.series_keys) {
      selectRegion(meta.series_keys[params.data[1]]);
    } else if (name === "top-hashtags" && params.name) {
      var p = filterParams();
      p.set("hashtag", params.name.replace(/^#/, ""));
      navigate(p);
    }
  }

  function selectRegion(code) { sel.region = code; sel.incident = ""; sel.incidentName = ""; syncSelection(); loadPosts(); }
  function selectLabel(label) { sel.label = label; sel.incident = ""; sel.incidentName = ""; syncSelection(); loadPosts(); }
  function selectIncident(id, name) { sel.incident = id; sel.incidentName = name; sel.region = null; sel.label = ""; syncSelection(); loadPosts(); }

  function syncSelection() {
    document.getElementById("posts-region").value = sel.region === null ? "" : (sel.region === "" ? "unknown" : sel.region);
    document.getElementById("posts-label").value = sel.label;
    var parts = [];
    if (sel.incident) { parts.push(S["posts.incident"] + S.colon + sel.incidentName); }
    if (sel.region !== null) { parts.push(S.regions[sel.region] || sel.region); }
    if (sel.label) { parts.push(S.labels[sel.label] || sel.label); }
    document.getElementById("posts-selection").textContent = parts.length ? S["posts.selection"] + S.colon + parts.join(" · ") : "";
  }

  function summary() {
    return getJSON("/api/summary?" + filterParams().toString()).then(function (s) {
      resolved = s;
      var parts = [];
      ["outage_report", "complaint", "testimony", "other"].forEach(function (k) { parts.push(numFmt.format(s.by_label[k] || 0) + " " + S.labels_plural[k]); });
      document.getElementById("summary").textContent = numFmt.format(s.posts) + " " + S["page.posts"] + S.colon + parts.join(", ");
      document.getElementById("window-text").textContent = S["page.window"] + S.colon + s.window.text;
      document.getElementById("filter-text").textContent = "(" + s.filter + ")";
      document.getElementById("filter-error").hidden = true;
      updateLinks();
    });
  }

  function updateLinks() {
    var q = viewParams().toString();
    var links = document.querySelectorAll("a.dl");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].getAttribute("data-api") + "?" + q + "&format=" + links[i].getAttribute("data-format");
    }
    var other = filterParams();
    other.set("lang", LANG === "en" ? "fr" : "en");
    document.getElementById("other-lang").href = "/?" + other.toString();
  }

  function fmtTime(iso) { return timeFmt.format(new Date(iso)); }
  function fmtDateTime(iso) { return dateTimeFmt.format(new Date(iso)); }

  function loadNow() {
    return getJSON("/api/regions-now?" + viewParams().toString()).then(function (now) {
      var list = document.getElementById("now-list");
      var items = [];
      document.getElementById("now-asof").textContent = S["now.asof"] + " " + fmtDateTime(now.as_of) + " (" + S["page.paris"] + ")";
      if (!now.regions.length) { items.push(el("li", "empty", S["now.none"])); }
      now.regions.forEach(function (r) {
        var li = el("li", "now-region level-" + r.level);
        var head = el("div", "now-head");
        head.appendChild(el("strong", "", r.name));
        head.appendChild(el("span", "badge level-" + r.level, S.levels[r.level] || r.level));
        li.appendChild(head);
        var incs = el("ul", "now-incidents");
        r.incidents.forEach(function (inc) {
          var row = el("li", "now-incident");
          var btn = el("button", "linkish", inc.platform_name);
          btn.type = "button";
          btn.addEventListener("click", function () { selectIncident(inc.id, inc.platform_name + " — " + r.name); });
          row.appendChild(btn);
          var when = inc.ongoing ? S["now.ongoing"] + " " + S["now.since"] + " " + fmtTime(inc.start)
            : S["now.ended"] + " (" + fmtTime(inc.start) + "–" + fmtTime(inc.end) + ")";
          row.appendChild(el("span", "muted", " " + (S.levels[inc.level] || inc.level) + " · " + when + " · " +
            S["now.peak"] + " " + numFmt.format(inc.peak) + " · " + numFmt.format(inc.posts) + " " + S["now.reports"]));
          if (inc.examples && inc.examples.length) {
            var ex = el("ul", "examples");
            inc.examples.slice(0, 2).forEach(function (e) { ex.appendChild(el("li", "", e.text)); });
            row.appendChild(ex);
          }
          incs.appendChild(row);
        });
        li.appendChild(incs);
        items.push(li);
      });
      list.replaceChildren.apply(list, items);
    });
  }

  function chip(text, cls) { return el("span", "chip" + (cls ? " " + cls : ""), text); }

  function loadPosts() {
    var p = viewParams();
    if (sel.region !== null) { p.set("posts_region", sel.region === "" ? "unknown" : sel.region); }
    if (sel.label) { p.set("posts_label", sel.label); }
    if (sel.incident) { p.set("incident", sel.incident); }
    return getJSON("/api/posts?" + p.toString()).then(function (res) {
      var list = document.getElementById("posts-list");
      var items = [];
      if (!res.posts.length) { items.push(el("li", "empty", S["posts.none"])); }
      res.posts.forEach(function (post) {
        var li = el("li", "post");
        var meta = el("div", "post-meta");
        meta.appendChild(el("time", "", fmtDateTime(post.created_at)));
        meta.appendChild(el("span", "author", " " + (post.author_name ? post.author_name + " " : "") + (post.author ? "@" + post.author : "")));
        meta.appendChild(el("span", "muted", " · " + post.source));
        if (post.url && /^https?:\/\//.test(post.url)) {
          var a = el("a", "", "↗");
          a.href = post.url; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
          meta.appendChild(a);
        }
        li.appendChild(meta);
        li.appendChild(el("p", "post-text", post.text));
        var tags = el("div", "chips");
        tags.appendChild(chip(post.names.label, "label-" + post.label));
        if (post.platform) { tags.appendChild(chip(S["field.platform"] + S.colon + post.names.platform)); }
        tags.appendChild(chip(S["field.region"] + S.colon + post.names.region + (post.region_source ? " (" + post.region_source + ")" : "")));
        tags.appendChild(chip(S["field.role"] + S.colon + post.names.role));
        tags.appendChild(chip(S["field.sentiment"] + S.colon + post.sentiment.toFixed(2)));
        tags.appendChild(chip(S["field.classifier"] + S.colon + post.classifier, "muted"));
        li.appendChild(tags);
        if (post.evidence.length) {
          var ev = el("div", "evidence");
          ev.appendChild(el("span", "muted", S["posts.evidence"] + S.colon));
          post.evidence.forEach(function (e) { ev.appendChild(el("code", "", e)); });
          li.appendChild(ev);
        }
        items.push(li);
      });
      list.replaceChildren.apply(list, items);
    });
  }

  function loadFilters() {
    return getJSON("/api/filters?" + viewParams().toString()).then(function (f) {
      var dl = document.getElementById("hashtag-list");
      dl.replaceChildren.apply(dl, f.hashtags.map(function (h) { var o = document.createElement("option"); o.value = h; return o; }));
      var box = document.getElementById("source-choices");
      var chosen = filterParams().getAll("source");
      box.replaceChildren.apply(box, f.sources.concat(chosen.filter(function (s) { return f.sources.indexOf(s) < 0; })).map(function (s) {
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = "checkbox"; input.name = "source"; input.value = s; input.checked = chosen.indexOf(s) >= 0;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + s));
        return label;
      }));
      countChoices();
    });
  }

  function countChoices() {
    var spans = document.querySelectorAll("[data-count]");
    for (var i = 0; i < spans.length; i++) {
      var name = spans[i].getAttribute("data-count");
      var n = document.querySelectorAll('#filters input[name="' + name + '"]:checked').length;
      spans[i].textContent = n ? "(" + n + ")" : "";
    }
  }

  function refresh() {
    if (busy) { return Promise.resolve(); }
    busy = true;
    return summary().then(function () {
      var jobs = [loadNow(), loadPosts()];
      var nodes = document.querySelectorAll("[data-chart]");
      for (var i = 0; i < nodes.length; i++) { jobs.push(loadChart(nodes[i])); }
      return Promise.all(jobs);
    }).then(function () {
      document.getElementById("refresh-text").textContent = S["page.live"] + " · " + S["page.updated"] + " " +
        new Date().toLocaleTimeString(S.locale || "fr-FR");
      body.setAttribute("data-loaded", "1");
    }).catch(function (e) {
      var p = document.getElementById("filter-error");
      p.hidden = false;
      p.textContent = e.message;
      body.setAttribute("data-loaded", "1");
    }).then(function () { busy = false; });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (document.hidden) { schedule(); return; }
      refresh().then(schedule);
    }, REFRESH_MS);
  }

  function navigate(params) {
    params.set("lang", LANG);
    history.pushState(null, "", "/?" + params.toString());
    resolved = null;
    syncForm();
    refresh().then(function () { loadFilters(); schedule(); });
  }

  // syncForm shows the URL's filters in the form (after back/forward or a click).
  function syncForm() {
    var p = filterParams();
    var form = document.getElementById("filters");
    ["range", "bucket", "from", "to", "hashtag"].forEach(function (n) {
      var v = p.get(n) || "";
      if (n === "range" && !v) { v = "24h"; }
      if ((n === "from" || n === "to") && v) { v = v.slice(0, 16); }
      form.elements[n].value = v;
    });
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = p.getAll(boxes[i].name).indexOf(boxes[i].value) >= 0; }
    countChoices();
  }

  function download(url, filename) {
    var a = document.createElement("a");
    a.href = url; a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function exportImage(name, type) {
    var entry = charts[name];
    if (!entry || !entry.option) { return; }
    var stamp = resolved ? resolved.window.from.slice(0, 16).replace(/[-:T]/g, "") : "";
    var file = "vigie-" + name + "-" + stamp + "." + type;
    if (type === "png") {
      download(entry.chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }), file);
      return;
    }
    var url = URL.createObjectURL(new Blob([chartSVG(name)], { type: "image/svg+xml" }));
    download(url, file);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // chartSVG draws a chart once more with ECharts' SVG renderer in
  // server-side mode: a string, no DOM, so no inline <style> for the CSP to block.
  function chartSVG(name) {
    var entry = charts[name];
    var node = entry.chart.getDom();
    var svg = echarts.init(null, null, { renderer: "svg", ssr: true, width: node.clientWidth, height: node.clientHeight });
    svg.setOption(Object.assign({}, entry.option, { animation: false }));
    var out = svg.renderToSVGString();
    svg.dispose();
    return out;
  }
  window.vigieChartSVG = chartSVG; // for the browser test

  function init() {
    var form = document.getElementById("filters");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var p = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (v !== "" && !(k === "range" && v === "24h")) { p.append(k, v); } });
      navigate(p);
    });
    form.addEventListener("change", countChoices);
    window.addEventListener("popstate", function () { resolved = null; syncForm(); refresh(); });
    document.getElementById("posts-region").addEventListener("change", function (e) {
      sel.region = e.target.value === "" ? null : (e.target.value === "unknown" ? "" : e.target.value);
      sel.incident = ""; syncSelection(); loadPosts();
    });
    document.getElementById("posts-label").addEventListener("change", function (e) {
      sel.label = e.target.value; sel.incident = ""; syncSelection(); loadPosts();
    });
    document.getElementById("posts-clear").addEventListener("click", function () {
      sel = { region: null, label: "", incident: "", incidentName: "" }; syncSelection(); loadPosts();
    });
    var buttons = document.querySelectorAll("[data-image]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (e) {
        exportImage(e.currentTarget.getAttribute("data-for"), e.currentTarget.getAttribute("data-image"));
      });
    }
    window.addEventListener("resize", function () {
      Object.keys(charts).forEach(function (n) {
        var entry = charts[n];
        if (entry.option) { fitSubtitle(entry.chart.getDom(), entry.option); entry.chart.setOption({ title: entry.option.title }); }
        entry.chart.resize();
      });
    });
    document.addEventListener("visibilitychange", function () {
      document.getElementById("refresh-text").textContent = document.hidden ? S["page.paused"] : S["page.live"];
    });
    countChoices();
    refresh().then(function () { loadFilters(); schedule(); });
  }

  init();
})();
