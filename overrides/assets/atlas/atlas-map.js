/* The atlas's map behaviour: sites from one GeoJSON layer, clustered, filtered and searched by
   distance, all in the browser. Texts come from the data and are only ever set as text. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return fields[key]; });
  }

  function popup(p, href, legend) {
    var box = el("div", "atlas-popup");
    var link = el("a", "atlas-popup__title", p.name);
    link.href = href;
    link.target = "_top";
    box.appendChild(link);
    box.appendChild(el("div", "atlas-popup__meta", p.meta));
    box.appendChild(el("div", "atlas-popup__meta", p.layers.map(function (l) {
      return legend.layers[l];
    }).join(" · ")));
    if (p.extent) box.appendChild(el("div", "atlas-popup__meta", legend.extents[p.extent]));
    return box;
  }

  function marker(feature, latlng, legend, root) {
    var p = feature.properties;
    var dot = el("span");
    dot.style.background = legend.colours[p.categories[0]];
    var icon = L.divIcon({ className: "atlas-marker", html: dot.outerHTML, iconSize: [18, 18] });
    var m = L.marker(latlng, { icon: icon, title: p.name, alt: p.name, keyboard: true });
    m.feature = feature;
    m.href = new URL(p.url, root).href;
    m.bindTooltip(el("span", null, p.name));
    m.bindPopup(function () { return popup(p, m.href, legend); });
    return m;
  }

  /* The sites of the page's language, from its map data script (sites.js), shared by all its maps. */
  var data = null;

  function load(sitesAndLegend) {
    data = sitesAndLegend;
  }

  /* Adds the sites (options.region's, or all) to the cluster group; returns the layer that
     filters and distances work on. options.root is the language's root, for the sites' links. */
  function sites(map, cluster, options) {
    var root = new URL(options.root, location.href);
    var legend = data.legend;
    var markers = data.sites.features.filter(function (f) {
      return !options.region || f.properties.region === options.region;
    }).map(function (f) {
      var c = f.geometry.coordinates;
      return marker(f, L.latLng(c[1], c[0]), legend, root);
    });
    cluster.addLayers(markers);
    var layer = { map: map, cluster: cluster, markers: markers, legend: legend, visible: markers };
    layer.show = function (keep) {
      layer.visible = markers.filter(keep);
      cluster.clearLayers();
      cluster.addLayers(layer.visible);
      return layer.visible.length;
    };
    map.atlasSites = layer;
    return layer;
  }

  function checkboxes(form, title, group, entries, onChange) {
    var set = el("fieldset", "atlas-filter__group");
    set.appendChild(el("legend", null, title));
    entries.forEach(function (entry) {
      var label = el("label", "atlas-filter__option");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.name = group;
      box.value = entry.id;
      box.addEventListener("change", onChange);
      label.appendChild(box);
      if (entry.colour) {
        var swatch = el("span", "atlas-filter__swatch");
        swatch.style.background = entry.colour;
        label.appendChild(swatch);
      }
      label.appendChild(document.createTextNode(" " + entry.label));
      set.appendChild(label);
    });
    form.appendChild(set);
  }

  function checked(form, group) {
    var values = {};
    form.querySelectorAll('input[name="' + group + '"]:checked').forEach(function (b) { values[b.value] = true; });
    return values;
  }

  function any(list, wanted) {
    return list.some(function (v) { return wanted[v]; });
  }

  /* A control with one group of checkboxes for each of categories, time layers and regions. */
  function filter(layer, options) {
    var s = options.strings;
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var root = el("details", "atlas-filter leaflet-bar");
      root.appendChild(el("summary", "atlas-filter__summary", s.filter));
      var form = el("form", "atlas-filter__form");
      var status = el("p", "atlas-filter__status");
      status.setAttribute("aria-live", "polite");
      /* A map of one region has no region checkboxes: every site on it belongs to that region. */
      var byRegion = options.regions.length > 1;
      function apply() {
        var cats = checked(form, "category"), layers = checked(form, "layer"), regions = checked(form, "region");
        var shown = layer.show(function (m) {
          var p = m.feature.properties;
          return any(p.categories, cats) && any(p.layers, layers) && (!byRegion || regions[p.region]);
        });
        status.textContent = format(s.shown, { shown: shown, total: layer.markers.length });
      }
      checkboxes(form, s.categories, "category", options.categories, apply);
      checkboxes(form, s.layers, "layer", options.layers, apply);
      if (byRegion) checkboxes(form, s.regions, "region", options.regions, apply);
      root.appendChild(form);
      root.appendChild(status);
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
      apply();
      return root;
    };
    control.addTo(layer.map);
    return control;
  }

  function distanceKm(a, b) {
    var r = Math.PI / 180, dLat = (b.lat - a.lat) * r, dLon = (b.lng - a.lng) * r;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  /* Lists the closest sites to the reader; the location is asked for only when the button is pressed. */
  function nearMe(layer, options) {
    var s = options.strings;
    var numbers = new Intl.NumberFormat(options.lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var root = el("div", "atlas-near leaflet-bar");
      var button = el("button", "atlas-near__button", s.near_me);
      button.type = "button";
      var result = el("div", "atlas-near__result");
      result.setAttribute("aria-live", "polite");
      var here = null;
      function list(position) {
        var origin = L.latLng(position.coords.latitude, position.coords.longitude);
        if (here) here.remove();
        here = L.circleMarker(origin, { radius: 7, color: "#d7191c", weight: 3 }).addTo(layer.map);
        var nearest = layer.markers.map(function (m) {
          return { marker: m, km: distanceKm(origin, m.getLatLng()) };
        }).sort(function (a, b) { return a.km - b.km; }).slice(0, options.count);
        result.textContent = "";
        result.appendChild(el("p", "atlas-near__title", s.nearest));
        var ol = el("ol", "atlas-near__list");
        nearest.forEach(function (n) {
          var li = el("li");
          var a = el("a", null, n.marker.feature.properties.name);
          a.href = n.marker.href;
          a.target = "_top";
          li.appendChild(a);
          li.appendChild(el("span", "atlas-near__km", " " + format(s.km, { km: numbers.format(n.km) })));
          ol.appendChild(li);
        });
        result.appendChild(ol);
      }
      button.addEventListener("click", function () {
        if (!navigator.geolocation) { result.textContent = s.no_location; return; }
        result.textContent = s.locating;
        navigator.geolocation.getCurrentPosition(list, function () { result.textContent = s.no_location; },
          { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
      });
      root.appendChild(button);
      root.appendChild(result);
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
      return root;
    };
    control.addTo(layer.map);
    return control;
  }

  window.AtlasMap = { load: load, sites: sites, filter: filter, nearMe: nearMe };
})();
