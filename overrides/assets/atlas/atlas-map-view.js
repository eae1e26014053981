/* The view of an atlas map kept in the address, so that a link restores it and the back button
   steps back through it; and a button that copies that link. The fragment reads

     #z=11&c=50.957,5.409&cat=-mining&layer=-future&region=genk,leoben&site=openluchtmuseum-bokrijk

   z, c    zoom and centre (latitude,longitude), left out while the map shows its first view
   cat, layer, region   the categories, time layers and regions shown (cat=mining,energy), or
           after a "-" those hidden (cat=-mining), whichever is shorter; "cat=" shows none;
           left out while all are shown; region only on the atlas map
   site    the site whose popup is open

   in this order. A fragment is anyone's input: each part is matched against these patterns and
   against the ids the map knows, and anything else is dropped; nothing from it is ever decoded,
   shown or run. Opening a site or changing a filter adds a step to the history; moving the map
   only updates the current step. On a page of the atlas the page's own address carries the view,
   so that a link to the page restores it; embedded in another website, the map reads its own
   address and leaves the website's history alone. */
(function () {
  "use strict";

  // Characters; a view with every id of every group spelled out stays far below it.
  var LONGEST = 2000;
  var ZOOM = /^\d{1,2}$/;
  var CENTRE = /^(-?\d{1,2}(?:\.\d{1,7})?),(-?\d{1,3}(?:\.\d{1,7})?)$/;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // The filter groups by their key in the fragment.
  var GROUPS = { cat: "category", layer: "layer", region: "region" };

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* The view a fragment describes, as far as it is valid for this map: { z, c: [lat, lon],
     cat, layer, region: [ids], site }, each only when given. The first valid value of a key counts. */
  function parse(fragment, known) {
    var view = {};
    if (fragment.length > LONGEST) return view;
    fragment.split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      var key = part.slice(0, eq), value = part.slice(eq + 1);
      if (eq < 1 || view[key] !== undefined) return;
      if (key === "z" && ZOOM.test(value) && +value >= known.minZoom && +value <= known.maxZoom) {
        view.z = +value;
      } else if (key === "c" && CENTRE.test(value)) {
        var latLon = CENTRE.exec(value);
        if (Math.abs(+latLon[1]) <= 85 && Math.abs(+latLon[2]) <= 180) view.c = [+latLon[1], +latLon[2]];
      } else if (has(GROUPS, key) && has(known.groups, GROUPS[key])) {
        var hidden = value.charAt(0) === "-", list = value.slice(hidden ? 1 : 0);
        var named = list ? list.split(",") : [];
        var ids = known.groups[GROUPS[key]].filter(function (id) { return (named.indexOf(id) >= 0) !== hidden; });
        // A list of shown ids none of which the map knows says nothing.
        if (hidden || ids.length || !named.length) view[key] = ids;
      } else if (key === "site" && ID.test(value) && has(known.sites, value)) {
        view.site = value;
      }
    });
    return view;
  }

  /* Decimals enough to place the centre within a pixel at zoom z. */
  function digits(z) {
    return Math.max(0, Math.ceil(Math.log10(256 * Math.pow(2, z) / 360)));
  }

  function place(z, centre) {
    var d = digits(z);
    return "z=" + z + "&c=" + String(+centre.lat.toFixed(d)) + "," + String(+centre.lng.toFixed(d));
  }

  function view(layer, options) {
    var map = layer.map, cluster = layer.cluster, s = options.strings;
    var framing = AtlasMap.framing();
    // The window whose address holds the view: the atlas page around the map, or the map's own.
    var host = framing === "page" ? window.parent : window;
    // The view the map opens on (its bounds), which the fragment leaves out.
    var first = { z: map.getZoom(), c: map.getCenter() };
    var known = { minZoom: map.getMinZoom(), maxZoom: map.getMaxZoom(), groups: layer.filters.groups, sites: {} };
    layer.markers.forEach(function (m) { known.sites[m.feature.properties.id] = m; });
    var open = null;
    cluster.on("popupopen", function (e) { open = e.layer; });
    cluster.on("popupclose", function (e) { if (open === e.layer) open = null; });

    function fragment() {
      var parts = [];
      var here = place(map.getZoom(), map.getCenter());
      if (here !== place(first.z, first.c)) parts.push(here);
      var chosen = layer.filters.get();
      Object.keys(GROUPS).forEach(function (key) {
        var shown = chosen[GROUPS[key]];
        if (!shown) return;
        var hidden = known.groups[GROUPS[key]].filter(function (id) { return shown.indexOf(id) < 0; });
        if (!hidden.length) return;
        var listed = shown.join(","), unlisted = "-" + hidden.join(",");
        parts.push(key + "=" + (unlisted.length < listed.length ? unlisted : listed));
      });
      if (open) parts.push("site=" + open.feature.properties.id);
      return parts.join("&");
    }

    /* The fragment of the host's address, or null for an anchor of the atlas page around the map
       (a heading's id has no "="), which is none of the map's business. */
    function given() {
      var hash = host.location.hash.slice(1);
      return framing === "page" && hash && hash.indexOf("=") < 0 ? null : hash;
    }

    var seen = null;  // the fragment last written or restored, so that each is handled once
    var waiting = null, deliberate = false;

    /* Writes the view into the host's address once the changes of the moment are done (closing
       one popup and opening the next are one change); a deliberate change is a new step. */
    function record(isDeliberate) {
      if (layer.quiet || framing === "embed") return;
      deliberate = deliberate || isDeliberate;
      if (waiting === null) waiting = setTimeout(write, 0);
    }

    function write() {
      clearTimeout(waiting);
      waiting = null;
      var now = fragment();
      var url = host.location.href.split("#")[0] + (now ? "#" + now : "");
      if (url !== host.location.href) {
        if (deliberate) host.history.pushState(null, "", url);
        else host.history.replaceState(host.history.state, "", url);
      }
      seen = now;
      deliberate = false;
    }

    function restore(raw) {
      seen = raw;
      var wanted = parse(raw, known);
      layer.quiet = true;
      var chosen = {};
      Object.keys(GROUPS).forEach(function (key) {
        if (has(known.groups, GROUPS[key])) chosen[GROUPS[key]] = wanted[key] || known.groups[GROUPS[key]];
      });
      // Setting the filters redraws the markers, which closes an open popup: only when they change.
      if (JSON.stringify(chosen) !== JSON.stringify(layer.filters.get())) layer.filters.set(chosen);
      map.setView(wanted.c || first.c, wanted.z !== undefined ? wanted.z : first.z, { animate: false });
      var site = wanted.site && known.sites[wanted.site];
      function done() {
        layer.quiet = false;
        record(false);
      }
      if (!site || layer.visible.indexOf(site) < 0) {
        map.closePopup();
        done();
      } else if (open === site) {
        done();
      } else {
        cluster.zoomToShowLayer(site, function () {
          site.openPopup();
          done();
        });
      }
    }

    function navigated() {
      var raw = given();
      if (raw !== null && raw !== seen) restore(raw);
    }

    map.on("atlas:filter", function () { record(true); });
    // A popup that closes because its marker left the map (into a cluster, or filtered out) is no step of its own.
    cluster.on("popupopen", function () { record(true); });
    cluster.on("popupclose", function (e) { record(map.hasLayer(e.layer)); });
    map.on("moveend", function () { record(false); });
    host.addEventListener("popstate", navigated);
    host.addEventListener("hashchange", navigated);
    navigated();

    /* The link to copy: the address that holds the view, or from another website, the atlas
       page that shows this map, with the view. */
    function link() {
      if (framing !== "embed") {
        write();
        return host.location.href;
      }
      var page = new URL(options.page, location.href);
      page.hash = fragment();
      return page.href;
    }

    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var root = AtlasMap.el("div", "atlas-share leaflet-bar");
      var button = AtlasMap.el("button", "atlas-share__button", s.copy_link);
      button.type = "button";
      var status = AtlasMap.statusLine("atlas-share__status");
      var field = null;
      // Where the clipboard is not to be had, the link waits selected in a field, to be copied by hand.
      function offer(url) {
        status.textContent = s.copy_manually;
        if (!field) {
          field = root.appendChild(AtlasMap.el("input", "atlas-share__field"));
          field.readOnly = true;
          field.setAttribute("aria-label", s.copy_manually);
        }
        field.value = url;
        field.focus({ preventScroll: true });
        field.select();
      }
      button.addEventListener("click", function () {
        var url = link();
        status.textContent = "";
        if (!navigator.clipboard) return offer(url);
        navigator.clipboard.writeText(url).then(function () { status.textContent = s.link_copied; }, function () { offer(url); });
      });
      root.appendChild(button);
      root.appendChild(status);
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
      return root;
    };
    control.addTo(map);
    return control;
  }

  AtlasMap.view = view;
})();
