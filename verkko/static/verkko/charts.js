// Progressive enhancement: the server already drew each chart as SVG; vega-embed redraws the
// same Vega-Lite specification as an interactive chart (tooltips) when JavaScript runs.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll("[data-vega-spec]").forEach(function (container) {
    var source = document.getElementById(container.dataset.vegaSpec);
    if (!source) return;
    vegaEmbed(container, JSON.parse(source.textContent), { actions: false, renderer: "svg", tooltip: true })
      .then(function () { container.dataset.enhanced = "true"; })
      .catch(function () { /* the server-rendered SVG stays */ });
  });
});
