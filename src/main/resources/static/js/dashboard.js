// The dashboard's charts (templates/dashboard/index.html). Each chart's figures, labels and links come from the
// page in a data-renda-chart attribute (JSON): no inline script, CSP script-src 'self'. A click on a bar or a
// point opens the records behind it.
(function () {
  "use strict";
  var PALETTE = ["#b3261e", "#2f6fb0", "#e0a21b", "#3a9a5b", "#7a5195", "#6c757d"];

  function percent(v) { return Math.round(v * 1000) / 10; }

  function option(spec, narrow) {
    var hasPercent = spec.series.some(function (s) { return s.percent; });
    var onlyPercent = spec.series.every(function (s) { return s.percent; });
    var category = {
      type: "category", data: spec.categories, inverse: spec.horizontal,
      axisLabel: spec.horizontal ? { width: narrow ? 84 : 140, overflow: "truncate" }
        : { interval: 0, rotate: narrow ? 45 : 0, fontSize: narrow ? 10 : 12 }
    };
    var counts = { type: "value", minInterval: 1 };
    if (onlyPercent) { counts = { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }; }
    var values = hasPercent && !onlyPercent
      ? [counts, { type: "value", max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } }]
      : [counts];
    var series = spec.series.map(function (s) {
      return {
        name: s.name, type: s.type, stack: s.stack || undefined,
        yAxisIndex: !spec.horizontal && s.percent && !onlyPercent ? 1 : undefined,
        xAxisIndex: spec.horizontal && s.percent && !onlyPercent ? 1 : undefined,
        data: s.data.map(function (v) { return s.percent ? percent(v) : v; }),
        smooth: s.type === "line", symbolSize: 7, cursor: "pointer",
        barMaxWidth: 22, emphasis: { focus: "series" },
        tooltip: s.percent ? { valueFormatter: function (v) { return v + "%"; } } : undefined
      };
    });
    return {
      color: PALETTE,
      title: { text: spec.title, left: 0, textStyle: { fontSize: narrow ? 14 : 15, fontWeight: 600 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
      legend: { top: 26, left: 0, type: "scroll" },
      grid: { top: 64, left: 4, right: hasPercent && !onlyPercent ? 12 : 16, bottom: 8, containLabel: true },
      xAxis: spec.horizontal ? values : category,
      yAxis: spec.horizontal ? category : values,
      series: series
    };
  }

  function draw(el) {
    var spec = JSON.parse(el.getAttribute("data-renda-chart"));
    var narrow = el.clientWidth < 480;
    var height = spec.horizontal ? Math.max(260, 90 + spec.categories.length * (spec.series.length > 1 ? 30 : 24))
      : (narrow ? 300 : 340);
    el.style.height = height + "px";
    el.setAttribute("aria-label", spec.title);
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option(spec, narrow));
    chart.on("click", function (p) {
      var s = spec.series[p.seriesIndex];
      var link = s && s.links[p.dataIndex];
      if (link) { window.location.assign(link); }
    });
    // a click on an axis label opens the records of the first series' figure
    chart.getZr().on("click", function (e) {
      if (e.target || !chart.containPixel("grid", [e.offsetX, e.offsetY])) { return; }
      var point = chart.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]);
      var index = spec.horizontal ? point[1] : point[0];
      var link = spec.series[0].links[index];
      if (link) { window.location.assign(link); }
    });
    return chart;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll("[data-renda-chart]").forEach(function (el) { charts.push(draw(el)); });
    var pending;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
  });
})();
