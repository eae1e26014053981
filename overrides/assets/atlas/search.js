/* Material's search box, answered by Pagefind (the index: scripts/atlas/site/search.py).

   Material runs its search in a worker that it creates from its own configuration, with no hook
   for another engine; this script answers in that worker's place, with the worker's messages,
   so that Material's box, result list and keyboard shortcuts stay as they are. Pagefind runs on
   the page, not in that worker, because it picks the index of the page's language from
   <html lang>. Texts from the index (titles, page text) are only ever set as text. */
(function () {
  "use strict";

  // The messages of Material's search worker.
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var MATERIAL_WORKER = /\/assets\/javascripts\/workers\/search\.[^/]*\.js$/;
  // Each result shown costs a download (its fragment of the index): the best ones only.
  var SHOWN = 20;
  // Milliseconds without a key before a search.
  var PAUSE = 300;
  var EXCERPT_WORDS = 30;
  var WORDS_BEFORE_MATCH = 6;
  // This file is <site root>/assets/atlas/search.js; the index of a language is
  // <site root>/pagefind/<lang>/ (scripts/atlas/site/search.py), the page's <html lang>.
  var root = new URL("../../", document.currentScript.src);
  var lang = /^[a-z]{2}$/.test(document.documentElement.lang) ? document.documentElement.lang : "en";
  var engine = null;

  // Pagefind's code and the index's entry for the page's language: loaded at the first key typed.
  function pagefind() {
    engine = engine || import(new URL("pagefind/" + lang + "/pagefind.js", root).href).then(async function (module) {
      await module.options({ baseUrl: root.pathname });
      await module.init();
      return module;
    });
    return engine;
  }

  // Words of the page's text around its densest matches, the matching ones marked, as a
  // paragraph of text nodes. Pagefind counts locations in the words of the text split on white space.
  function excerpt(text, locations) {
    var words = text.split(/[\r\n\s]+/g);
    var start = 0, most = 0;
    locations.forEach(function (first) {
      var inside = locations.filter(function (l) { return l >= first && l < first + EXCERPT_WORDS; }).length;
      if (inside > most) { most = inside; start = Math.max(0, first - WORDS_BEFORE_MATCH); }
    });
    var marked = new Set(locations);
    var paragraph = document.createElement("p");
    words.slice(start, start + EXCERPT_WORDS).forEach(function (word, i) {
      if (i) paragraph.append(" ");
      if (!marked.has(start + i)) return paragraph.append(word);
      var mark = document.createElement("mark");
      mark.textContent = word;
      paragraph.append(mark);
    });
    return paragraph;
  }

  // One result in the shape of Material's: the page, then its sections that match.
  function documents(score, page, terms) {
    var all = Math.max(1, page.locations.length);
    var sections = page.sub_results.filter(function (section) { return section.url !== page.url; });
    return [{ url: page.url, title: page.meta.title, locations: page.locations }].concat(sections).map(function (part) {
      return {
        location: part.url,
        title: document.createTextNode(part.title || ""),
        text: [excerpt(page.content, part.locations)],
        score: score * part.locations.length / all,
        terms: terms,
      };
    });
  }

  function matchingDocuments(count) {
    var translations = JSON.parse(document.getElementById("__config").textContent).translations;
    return translations["search.result.other"].replace("#", count);
  }

  class PagefindSearch extends EventTarget {
    postMessage(message) {
      if (message.type === SETUP) this.reply({ type: READY });
      else if (message.type === QUERY) this.query(message.data);
    }

    terminate() {}

    // A worker answers after the sender's turn; so does this.
    reply(data, total) {
      setTimeout(() => {
        this.dispatchEvent(new MessageEvent("message", { data: data }));
        // Material counts the results it was given; say how many there are in all.
        if (total > SHOWN) document.querySelector(".md-search-result__meta").textContent = matchingDocuments(total);
      });
    }

    async query(text) {
      this.asked = text;
      if (!text.trim()) return this.reply({ type: RESULT, data: { items: [] } });
      // Search only where the reader pauses: each search downloads the chunks of the index that
      // its words fall in, and a word typed key by key would fetch those of every prefix.
      var loading = pagefind();
      await new Promise(function (resolve) { setTimeout(resolve, PAUSE); });
      if (this.asked !== text) return;
      var found = await (await loading).search(text);
      if (this.asked !== text) return;
      var best = found.results.slice(0, SHOWN);
      var pages = await Promise.all(best.map(function (result) { return result.data(); }));
      if (this.asked !== text) return;
      var terms = {};
      text.split(/\s+/).filter(Boolean).forEach(function (term) { terms[term] = true; });
      var items = pages.map(function (page, i) { return documents(best[i].score, page, terms); });
      this.reply({ type: RESULT, data: { items: items } }, found.results.length);
    }
  }

  var NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    if (MATERIAL_WORKER.test(new URL(url, location.href).pathname)) return new PagefindSearch();
    return new NativeWorker(url, options);
  };
})();
