// herald's search box and advisory-list filters: progressive enhancement.
//
// Without JavaScript the pages are complete: the advisory list is a plain
// list by year, and the search form and filter form stay `hidden`. With it:
//
// Search: a form with `data-search-index="/search-index.json"` and an
//   <input type="search">. The index is fetched on first use; every word of
//   the query must occur in an advisory's id, title, CVE, CWE, device or
//   summary, or in a device's name, slug, models or type. Results go into the
//   form's [data-search-results] list (created if missing), built with
//   textContent only: nothing from the index is ever parsed as HTML.
//
// Filters: the form #advisory-filters with selects named device, severity and
//   year; rows carry data-devices (space-separated slugs), data-severity and
//   data-year. Rows that don't match are hidden, year sections without rows
//   too; the choice is kept in the query string (?device=hub-200&year=2026)
//   so a filtered list can be bookmarked and shared.
(function () {
  'use strict';

  var MAX_RESULTS = 20;

  function words(text) {
    return String(text || '').toLowerCase().split(/\s+/).filter(Boolean);
  }

  function haystack(parts) {
    return parts.map(function (p) { return Array.isArray(p) ? p.join(' ') : String(p || ''); })
      .join(' \u0000 ').toLowerCase();
  }

  // --- Search ---------------------------------------------------------------

  function buildEntries(index) {
    var entries = [];
    (index.devices || []).forEach(function (d) {
      entries.push({
        kind: 'Device', title: d.name, url: d.url, meta: (d.models || []).join(', '),
        text: haystack([d.name, d.slug, d.models, d.type]), exact: [d.slug.toLowerCase()]
      });
    });
    (index.advisories || []).forEach(function (a) {
      var devices = (a.devices || []).map(function (d) { return d.name; });
      entries.push({
        kind: 'Advisory', title: a.title, url: a.url,
        meta: [a.id, a.severity === 'unrated' ? '' : a.severity, a.published].filter(Boolean).join(' · '),
        text: haystack([a.id, a.title, a.cves, a.cwes, devices, (a.devices || []).map(function (d) { return d.slug; }),
          a.summary, a.severity]),
        exact: [a.id].concat(a.cves || [], a.cwes || []).map(function (s) { return s.toLowerCase(); })
      });
    });
    return entries;
  }

  function search(entries, query) {
    var terms = words(query);
    if (!terms.length) return [];
    var hits = [];
    entries.forEach(function (e, order) {
      for (var i = 0; i < terms.length; i++) {
        if (e.text.indexOf(terms[i]) === -1) return;
      }
      // Exact ids and CVEs first, then title matches, then index order (newest first).
      var rank = terms.some(function (t) { return e.exact.indexOf(t) !== -1; }) ? 0
        : terms.every(function (t) { return e.title.toLowerCase().indexOf(t) !== -1; }) ? 1 : 2;
      hits.push({ entry: e, rank: rank, order: order });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    return hits.map(function (h) { return h.entry; });
  }

  function setupSearch(form) {
    var input = form.querySelector('input[type="search"]');
    if (!input) return;
    var results = form.querySelector('[data-search-results]');
    if (!results) {
      results = document.createElement('ul');
      results.setAttribute('data-search-results', '');
      results.className = 'search-results';
      form.appendChild(results);
    }
    if (!results.id) results.id = 'search-results';
    input.setAttribute('aria-controls', results.id);
    var status = form.querySelector('[data-search-status]');
    if (!status) {
      status = document.createElement('p');
      status.setAttribute('data-search-status', '');
      status.setAttribute('role', 'status');
      status.className = 'search-status';
      form.appendChild(status);
    }
    var entries = null;
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute('data-search-index'), { credentials: 'same-origin' })
          .then(function (r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.json();
          })
          .then(function (index) { entries = buildEntries(index); })
          .catch(function () { status.textContent = 'Search is not available right now.'; });
      }
      return loading;
    }

    function render() {
      var query = input.value.trim();
      results.textContent = '';
      if (!query) {
        results.hidden = true;
        status.textContent = '';
        return;
      }
      if (!entries) {
        load().then(render);
        return;
      }
      var hits = search(entries, query);
      hits.slice(0, MAX_RESULTS).forEach(function (e) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = e.url;
        a.textContent = e.title;
        var meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = e.kind + (e.meta ? ' · ' + e.meta : '');
        li.appendChild(a);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(meta);
        results.appendChild(li);
      });
      results.hidden = hits.length === 0;
      status.textContent = hits.length === 0 ? 'No advisories or devices match.'
        : hits.length > MAX_RESULTS ? 'Showing ' + MAX_RESULTS + ' of ' + hits.length + ' results.'
          : hits.length + (hits.length === 1 ? ' result.' : ' results.');
    }

    input.addEventListener('focus', load);
    input.addEventListener('input', render);
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') {
        input.value = '';
        render();
      }
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var first = results.querySelector('a');
      if (first) window.location.href = first.href;
    });
    form.hidden = false;
  }

  // --- Advisory list filters ---------------------------------------------------

  function setupFilters(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[name]'));
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-year]'));
    var sections = Array.prototype.slice.call(document.querySelectorAll('section.year'));
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.className = 'filter-status';
    form.appendChild(status);

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v !== null && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    });

    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.name] = s.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!want.device || (row.getAttribute('data-devices') || '').split(' ').indexOf(want.device) !== -1) &&
          (!want.severity || row.getAttribute('data-severity') === want.severity) &&
          (!want.year || row.getAttribute('data-year') === want.year);
        row.hidden = !ok;
        if (ok) shown++;
      });
      sections.forEach(function (section) {
        var visible = section.querySelectorAll('tr[data-year]:not([hidden])').length;
        var total = section.querySelectorAll('tr[data-year]').length;
        section.hidden = visible === 0;
        var count = section.querySelector('.count');
        if (count) {
          // The count reads "5 advisories"; filtered, "2 of 5 advisories".
          if (!count.hasAttribute('data-total')) count.setAttribute('data-total', count.textContent);
          var text = count.getAttribute('data-total');
          count.textContent = visible === total ? text : visible + ' of ' + text;
        }
        if (section.id) {
          var link = document.querySelector('a[href="#' + section.id + '"]');
          if (link && link.parentNode.tagName === 'LI') link.parentNode.hidden = section.hidden;
        }
      });
      var filtered = selects.some(function (s) { return s.value; });
      status.textContent = !filtered ? '' : shown === 0 ? 'No advisories match these filters.'
        : shown + (shown === 1 ? ' advisory matches.' : ' advisories match.');

      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (s) {
        if (s.value) query.set(s.name, s.value); else query.delete(s.name);
      });
      var qs = query.toString();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, '', window.location.pathname + (qs ? '?' + qs : '') + window.location.hash);
      }
    }

    selects.forEach(function (s) { s.addEventListener('change', apply); });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-search-index]'), setupSearch);
    var filters = document.getElementById('advisory-filters');
    if (filters) setupFilters(filters);
  }

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
  if (typeof module !== 'undefined') module.exports = { buildEntries: buildEntries, search: search, words: words };
}());
