// Progressive enhancement: the server already drew each chart as SVG; vega-embed redraws the
// same Vega-Lite specification as an interactive chart (tooltips) when JavaScript runs, with
// the page language's number and date formats. Expressions run in vega-interpreter (ast: true),
// never through new Function(), so the Content-Security-Policy needs no unsafe-eval.
document.addEventListener("DOMContentLoaded", function () {
  var containers = document.querySelectorAll("[data-vega-spec]");
  if (!containers.length || typeof vegaEmbed !== "function") return;
  if (typeof vega === "undefined" || !vega.expressionInterpreter) return;
  var lang = document.documentElement.lang;
  var locale = lang === "sv" ? "sv-SE" : lang === "en" ? "en-GB" : "fi-FI";
  var base = document.body.dataset.staticUrl + "vendor/";
  Promise.all([
    fetch(base + "d3-format-locale/" + locale + ".json").then(function (r) { return r.json(); }),
    fetch(base + "d3-time-format-locale/" + locale + ".json").then(function (r) { return r.json(); })
  ]).then(function (locales) {
    containers.forEach(function (container) {
      var source = document.getElementById(container.dataset.vegaSpec);
      if (!source) return;
      var label = container.getAttribute("aria-label");
      vegaEmbed(container, JSON.parse(source.textContent), {
        actions: false, renderer: "svg", tooltip: true, formatLocale: locales[0], timeFormatLocale: locales[1],
        ast: true, expr: vega.expressionInterpreter
      }).then(function () {
        // Vega names its container in English ("visualization"): the chart stays one image, as
        // the server drew it, named by its title and described by the words beside it.
        container.setAttribute("role", "img");
        container.setAttribute("aria-label", label);
        container.removeAttribute("aria-roledescription");
        var svg = container.querySelector("svg");
        if (svg) svg.setAttribute("aria-hidden", "true");
        container.dataset.enhanced = "true";
      })
        .catch(function () { /* the server-rendered SVG stays */ });
    });
  }).catch(function () { /* without the locale files the server-rendered SVG stays */ });
});
