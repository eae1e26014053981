/* The atlas's map behaviour: sites from one GeoJSON layer, clustered, filtered and searched by
   distance, all in the browser, by keyboard as well as by mouse. Texts come from the data and
   are only ever set as text. */
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

  /* A line of a control that screen readers read out whenever it changes. */
  function statusLine(className) {
    var line = el("p", className);
    line.setAttribute("role", "status");
    return line;
  }

  /* Where the map is shown: on its own ("own"), in the frame of a page of the atlas, which marks
     its frames with a class ("page"), or framed by another website ("embed"; across origins
     frameElement is null). */
  function framing() {
    if (window.parent === window) return "own";
    var frame = window.frameElement;
    return frame && frame.classList.contains("atlas-map__frame") ? "page" : "embed";
  }

  /* A link to a page of the atlas: it replaces the atlas page around the map, but opens in a new
     tab from another website, which the reader keeps. */
  function pageLink(text, href, className) {
    var a = el("a", className, text);
    a.href = href;
    if (framing() === "embed") {
      a.target = "_blank";
      a.rel = "noopener";
    } else {
      a.target = "_top";
    }
    return a;
  }

  /* In a frame, a link that names no window (the tile server's credits) opens in a new tab: the
     frame must go on showing the map, and most websites refuse to be framed anyway. */
  if (framing() !== "own") {
    document.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a[href]");
      if (a && !a.target && a.getAttribute("href").charAt(0) !== "#") {
        a.target = "_blank";
        a.rel = "noopener";
      }
    }, true);
  }

  function popup(p, href, legend) {
    var box = el("div", "atlas-popup");
    box.appendChild(pageLink(p.name, href, "atlas-popup__title"));
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

  /* A cluster's icon as markercluster draws it, with a name for screen readers that says how
     many sites it holds and what pressing it does. */
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var icon = L.DivIcon.prototype.createIcon.call(this, old);
      icon.setAttribute("aria-label", this.options.label);
      icon.title = this.options.label;
      return icon;
    }
  });

  function clusterIcon(cluster, label) {
    var count = cluster.getChildCount();
    var inner = el("div");
    inner.appendChild(el("span", null, String(count)));
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return new ClusterIcon({
      html: inner, className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40),
      label: format(label, { count: count })
    });
  }

  /* The map by keyboard and screen reader. The controls come before the markers in the tab
     order, however many markers there are; the zoom buttons speak the map's language. A popup
     takes the focus when the reader opens it, Escape closes it, and the focus goes back to its
     marker, or to the cluster that now holds it; a cluster opened with Enter hands the focus on
     to what it opened into. Changes the map makes by itself (layer.quiet) move no focus. */
  function keyboard(layer, s) {
    var map = layer.map, cluster = layer.cluster, container = map.getContainer();
    container.insertBefore(container.querySelector(".leaflet-control-container"), container.firstChild);
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", document.title);
    [[".leaflet-control-zoom-in", s.zoom_in], [".leaflet-control-zoom-out", s.zoom_out]].forEach(function (button) {
      var a = container.querySelector(button[0]);
      a.title = button[1];
      a.setAttribute("aria-label", button[1]);
    });

    function focusOn(m) {
      var shown = cluster.getVisibleParent(m);
      if (shown) shown.getElement().focus({ preventScroll: true });
    }
    cluster.on("popupopen", function (e) {
      if (!layer.quiet) e.popup.getElement().querySelector(".atlas-popup__title").focus({ preventScroll: true });
    });
    map.getPane("popupPane").addEventListener("keydown", function (e) {
      if (e.key === "Escape") map.closePopup();
    });
    cluster.on("popupclose", function (e) {
      // Only when the focus is in the closing popup (which fades out before it goes) or went
      // down with it: a reader who has moved on keeps their place.
      var focus = document.activeElement;
      if (!layer.quiet && document.hasFocus() && (focus === document.body || e.popup.getElement().contains(focus))) focusOn(e.layer);
    });
    var opened = null;
    cluster.on("clusterkeypress", function (e) {
      if (e.originalEvent.key === "Enter") opened = e.layer.getAllChildMarkers()[0];
    });
    cluster.on("animationend spiderfied", function () {
      if (opened) focusOn(opened);
      opened = null;
    });
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
    cluster.options.iconCreateFunction = function (c) { return clusterIcon(c, options.strings.cluster); };
    cluster.addLayers(markers);
    var layer = { map: map, cluster: cluster, markers: markers, legend: legend, visible: markers, quiet: false };
    layer.show = function (keep) {
      layer.visible = markers.filter(keep);
      cluster.clearLayers();
      cluster.addLayers(layer.visible);
      return layer.visible.length;
    };
    keyboard(layer, options.strings);
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

  /* A control with one group of checkboxes for each of categories, time layers and regions.
     layer.filters lets the view (atlas-map-view.js) read and set them: groups holds the ids of
     each group, in order; the map fires "atlas:filter" when the reader changes one. */
  function filter(layer, options) {
    var s = options.strings;
    /* A map of one region has no region checkboxes: every site on it belongs to that region. */
    var byRegion = options.regions.length > 1;
    var form = el("form", "atlas-filter__form");
    var status = statusLine("atlas-filter__status");
    function apply() {
      var cats = checked(form, "category"), layers = checked(form, "layer"), regions = checked(form, "region");
      var shown = layer.show(function (m) {
        var p = m.feature.properties;
        return any(p.categories, cats) && any(p.layers, layers) && (!byRegion || regions[p.region]);
      });
      status.textContent = format(s.shown, { shown: shown, total: layer.markers.length });
    }
    function changed() {
      apply();
      layer.map.fire("atlas:filter");
    }
    var ids = {};
    function group(title, name, entries) {
      checkboxes(form, title, name, entries, changed);
      ids[name] = entries.map(function (entry) { return entry.id; });
    }
    group(s.categories, "category", options.categories);
    group(s.layers, "layer", options.layers);
    if (byRegion) group(s.regions, "region", options.regions);
    apply();
    layer.filters = {
      groups: ids,
      get: function () {
        var chosen = {};
        Object.keys(ids).forEach(function (name) {
          var on = checked(form, name);
          chosen[name] = ids[name].filter(function (id) { return on[id]; });
        });
        return chosen;
      },
      set: function (chosen) {
        form.querySelectorAll("input").forEach(function (box) {
          box.checked = chosen[box.name].indexOf(box.value) >= 0;
        });
        apply();
      }
    };

    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var root = el("details", "atlas-filter leaflet-bar");
      root.appendChild(el("summary", "atlas-filter__summary", s.filter));
      root.appendChild(form);
      root.appendChild(status);
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
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

  /* Lists the closest sites to the reader; the location is asked for only when the button is
     pressed. The status line says, and screen readers read out, what came of it. */
  function nearMe(layer, options) {
    var s = options.strings;
    var numbers = new Intl.NumberFormat(options.lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    function km(n) {
      return format(s.km, { km: numbers.format(n.km) });
    }
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var root = el("div", "atlas-near leaflet-bar");
      var button = el("button", "atlas-near__button", s.near_me);
      button.type = "button";
      var status = statusLine("atlas-near__status");
      var ol = el("ol", "atlas-near__list");
      var here = null;
      function list(position) {
        var origin = L.latLng(position.coords.latitude, position.coords.longitude);
        if (here) here.remove();
        here = L.circleMarker(origin, { radius: 7, color: "#d7191c", weight: 3 }).addTo(layer.map);
        var nearest = layer.markers.map(function (m) {
          return { marker: m, km: distanceKm(origin, m.getLatLng()) };
        }).sort(function (a, b) { return a.km - b.km; }).slice(0, options.count);
        status.textContent = format(s.nearest, { name: nearest[0].marker.feature.properties.name, km: km(nearest[0]) });
        nearest.forEach(function (n) {
          var li = el("li");
          li.appendChild(pageLink(n.marker.feature.properties.name, n.marker.href));
          li.appendChild(el("span", "atlas-near__km", " " + km(n)));
          ol.appendChild(li);
        });
      }
      button.addEventListener("click", function () {
        ol.textContent = "";
        if (!navigator.geolocation) { status.textContent = s.no_location; return; }
        status.textContent = s.locating;
        navigator.geolocation.getCurrentPosition(list, function () { status.textContent = s.no_location; },
          { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
      });
      root.appendChild(button);
      root.appendChild(status);
      root.appendChild(ol);
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
      return root;
    };
    control.addTo(layer.map);
    return control;
  }

  window.AtlasMap = {
    load: load, sites: sites, filter: filter, nearMe: nearMe,
    // For atlas-map-view.js, which builds its control in the same way.
    el: el, statusLine: statusLine, framing: framing
  };
})();
