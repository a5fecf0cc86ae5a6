// newsdiff report: renders the matrix, pair views and articles from the JSON data in the
// page. All article text reaches the DOM through textContent (never innerHTML), with
// control, bidi and zero-width characters shown as visible escapes.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("nd-data").textContent);
  const A = D.articles;
  const enc = new TextEncoder();
  const dec = new TextDecoder("utf-8", { ignoreBOM: true });
  const bytesCache = new Array(A.length);
  const bytes = (i) => bytesCache[i] || (bytesCache[i] = enc.encode(A[i].text));
  const slice = (i, s, e) => dec.decode(bytes(i).subarray(s, e));
  // 1-based line of a byte offset (of the file for plain text, of the text for JSON Lines):
  // where a reader finds a passage in an editor. A line ends at an LF, a CRLF or a lone CR,
  // as newsdiff_ingest::line_at counts them.
  const lineAt = (i, off) => {
    const b = bytes(i);
    let n = 1 + (A[i].first_line || 0);
    for (let k = 0; k < off && k < b.length; k++) {
      if (b[k] === 10 || (b[k] === 13 && b[k + 1] !== 10)) n++;
    }
    return n;
  };
  const lines = (i, s, e) => {
    const f = lineAt(i, s), l = lineAt(i, Math.max(s, e - 1));
    return f === l ? "line " + f : "lines " + f + "\u2013" + l;
  };
  const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\u2028\u2029\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
  const vis = (s) => String(s).replace(UNSAFE, (c) =>
    "\\u{" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + "}");
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = vis(text);
    return e;
  }
  const $ = (id) => document.getElementById(id);
  const N = A.length;
  const pairAt = new Map();
  D.pairs.forEach((p, i) => pairAt.set(p.a * N + p.b, i));
  const byArticle = A.map(() => []);
  D.overlaps.forEach((o, i) => { byArticle[o.a].push(i); byArticle[o.b].push(i); });
  const pairOf = new Array(D.overlaps.length);
  D.pairs.forEach((p, pi) => { for (let k = p.first; k < p.first + p.count; k++) pairOf[k] = pi; });

  function options(select, labels, selected) {
    select.textContent = "";
    labels.forEach((l, i) => {
      const o = el("option", null, l);
      o.value = String(i);
      if (i === selected) o.selected = true;
      select.appendChild(o);
    });
  }

  // A byte range of an article as text nodes and spans: `marks` are [start, end, class].
  function render(i, s, e, marks) {
    const cuts = new Set([s, e]);
    for (const m of marks) {
      if (m[1] > s && m[0] < e) { cuts.add(Math.max(s, m[0])); cuts.add(Math.min(e, m[1])); }
    }
    const pts = Array.from(cuts).sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let k = 0; k + 1 < pts.length; k++) {
      const [x, y] = [pts[k], pts[k + 1]];
      if (y <= x) continue;
      const cls = marks.filter((m) => m[0] < y && m[1] > x).map((m) => m[2]);
      const text = slice(i, x, y);
      if (cls.length === 0) frag.appendChild(document.createTextNode(vis(text)));
      else frag.appendChild(el("span", cls.join(" "), text));
    }
    return frag;
  }

  // ---- pair view ----
  function showPair(pi, scroll) {
    const view = $("pair-view");
    view.textContent = "";
    const p = D.pairs[pi];
    if (!p) return;
    const h = el("h3", null, A[p.a].id + "  \u2194  " + A[p.b].id);
    view.appendChild(h);
    view.appendChild(el("p", "hint", p.count + " shared passage" + (p.count === 1 ? "" : "s") +
      ", best score " + p.score.toFixed(2) + ". Struck out: words only the left side has; " +
      "green: words only the right side has; dotted underline: the same words written differently " +
      "(case, punctuation, spelling); orange underline: a divergence."));
    for (let k = p.first; k < p.first + p.count; k++) {
      const o = D.overlaps[k];
      const box = el("div", "overlap");
      const head = el("div", "head");
      head.appendChild(el("span", "badge kind-" + o.kind, o.kind));
      head.appendChild(document.createTextNode(" score " + o.score.toFixed(2) + " "));
      for (const d of o.divergences) {
        head.appendChild(el("span", "badge div-flag",
          d[0] + ": " + slice(o.a, d[1], d[2]) + " \u2192 " + slice(o.b, d[3], d[4])));
        head.appendChild(document.createTextNode(" "));
      }
      box.appendChild(head);
      const sides = el("div", "sides");
      const left = el("div", "side");
      left.appendChild(el("span", "who", A[o.a].id + " \u00b7 " + lines(o.a, o.ar[0], o.ar[1])));
      const lm = o.del.map((r) => [r[0], r[1], "del"]).concat(o.restyled[0].map((r) => [r[0], r[1], "restyled"]),
        o.shared[0].map((r) => [r[0], r[1], "shared"]),
        o.divergences.map((d) => [d[1], d[2], "divx"]));
      left.appendChild(render(o.a, o.ar[0], o.ar[1], lm));
      const right = el("div", "side");
      right.appendChild(el("span", "who", A[o.b].id + " \u00b7 " + lines(o.b, o.br[0], o.br[1])));
      const rm = o.ins.map((r) => [r[0], r[1], "ins"]).concat(o.restyled[1].map((r) => [r[0], r[1], "restyled"]),
        o.shared[1].map((r) => [r[0], r[1], "shared"]),
        o.divergences.map((d) => [d[3], d[4], "divx"]));
      right.appendChild(render(o.b, o.br[0], o.br[1], rm));
      sides.appendChild(left);
      sides.appendChild(right);
      box.appendChild(sides);
      view.appendChild(box);
    }
    if (scroll) $("pair").scrollIntoView();
  }

  // ---- matrix ----
  const PAGE = 50;
  const scopes = [];
  D.stories.forEach((s, i) => scopes.push(["Story " + (i + 1) + " (" + s.articles.length + " articles)", s.articles]));
  scopes.push(["All articles (" + N + ")", A.map((_, i) => i)]);
  const scopeSel = $("matrix-scope");
  const rowSel = $("matrix-rows");
  const colSel = $("matrix-cols");
  options(scopeSel, scopes.map((s) => s[0]), 0);
  function pages(n, size) {
    const out = [];
    for (let s = 0; s < n; s += size) out.push((s + 1) + "\u2013" + Math.min(n, s + size));
    return out;
  }
  function scopeChanged() {
    const ids = scopes[Number(scopeSel.value)][1];
    const labels = pages(ids.length, PAGE);
    options(rowSel, labels, 0);
    options(colSel, labels, 0);
    const many = labels.length > 1;
    $("matrix-rows-label").hidden = !many;
    $("matrix-cols-label").hidden = !many;
    drawMatrix();
  }
  function drawMatrix() {
    const ids = scopes[Number(scopeSel.value)][1];
    const rows = ids.slice(Number(rowSel.value) * PAGE, Number(rowSel.value) * PAGE + PAGE);
    const cols = ids.slice(Number(colSel.value) * PAGE, Number(colSel.value) * PAGE + PAGE);
    const t = $("matrix-table");
    t.textContent = "";
    const thead = el("thead");
    const hr = el("tr");
    hr.appendChild(el("th"));
    for (const c of cols) { const th = el("th", null, A[c].id); th.title = vis(A[c].title || A[c].id); hr.appendChild(th); }
    thead.appendChild(hr);
    t.appendChild(thead);
    const tb = el("tbody");
    for (const r of rows) {
      const tr = el("tr");
      const th = el("th", null, A[r].id);
      th.title = vis(A[r].title || A[r].id);
      tr.appendChild(th);
      for (const c of cols) {
        const td = el("td");
        if (r === c) { td.className = "self"; tr.appendChild(td); continue; }
        const key = r < c ? r * N + c : c * N + r;
        const pi = pairAt.get(key);
        if (pi !== undefined) {
          const p = D.pairs[pi];
          td.className = "cell";
          td.dataset.pair = String(pi);
          td.style.background = "rgba(106, 43, 217, " + (0.15 + 0.85 * p.score).toFixed(3) + ")";
          td.title = vis(A[p.a].id + " \u2194 " + A[p.b].id + ": " + p.score.toFixed(2) + ", " + p.count + " passage(s)");
          td.addEventListener("click", () => showPair(pi, true));
        }
        tr.appendChild(td);
      }
      tb.appendChild(tr);
    }
    t.appendChild(tb);
  }
  scopeSel.addEventListener("change", scopeChanged);
  rowSel.addEventListener("change", drawMatrix);
  colSel.addEventListener("change", drawMatrix);

  // ---- pairs list ----
  const PAIRS_PAGE = 50;
  const pairsSel = $("pairs-page");
  options(pairsSel, D.pairs.length ? pages(D.pairs.length, PAIRS_PAGE) : ["\u2013"], 0);
  function drawPairs() {
    const body = $("pairs-table").tBodies[0];
    body.textContent = "";
    const start = Number(pairsSel.value) * PAIRS_PAGE;
    D.pairs.slice(start, start + PAIRS_PAGE).forEach((p, k) => {
      const tr = el("tr", "click");
      tr.dataset.pair = String(start + k);
      const kinds = new Set();
      const divs = new Set();
      for (let j = p.first; j < p.first + p.count; j++) {
        kinds.add(D.overlaps[j].kind);
        for (const d of D.overlaps[j].divergences) divs.add(d[0]);
      }
      [p.score.toFixed(2), A[p.a].id, A[p.b].id, String(p.count), Array.from(kinds).join(", "),
        Array.from(divs).join(", ")].forEach((x) => tr.appendChild(el("td", null, x)));
      tr.addEventListener("click", () => showPair(start + k, true));
      body.appendChild(tr);
    });
    if (D.pairs.length === 0) {
      const tr = el("tr");
      const td = el("td", "hint", "No two articles share a passage at this threshold.");
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }
  pairsSel.addEventListener("change", drawPairs);

  // ---- groups ----
  const groups = $("groups");
  if (D.groups.length === 0) groups.appendChild(el("p", "hint", "None."));
  for (const g of D.groups) {
    const div = el("div", "overlap");
    const head = el("div", "head");
    head.appendChild(el("span", "badge kind-" + g.kind, g.kind));
    head.appendChild(document.createTextNode(" " + g.members.length + " members: " +
      g.members.slice(0, 12).map((m) => vis(A[m[0]].id)).join(", ") + (g.members.length > 12 ? ", \u2026" : "")));
    div.appendChild(head);
    div.appendChild(el("div", "side", g.text));
    groups.appendChild(div);
  }

  // ---- articles ----
  const ART_PAGE = 100;
  const filter = $("articles-filter");
  const artSel = $("articles-page");
  let shown = A.map((_, i) => i);
  function refilter() {
    const q = filter.value.trim().toLowerCase();
    shown = A.map((_, i) => i).filter((i) => !q ||
      A[i].id.toLowerCase().includes(q) ||
      (A[i].title || "").toLowerCase().includes(q) ||
      (A[i].outlet || "").toLowerCase().includes(q) ||
      A[i].text.toLowerCase().includes(q));
    const labels = pages(shown.length, ART_PAGE);
    options(artSel, labels.length ? labels : ["\u2013"], 0);
    drawArticles();
  }
  function drawArticles() {
    const list = $("articles-list");
    list.textContent = "";
    const start = Number(artSel.value) * ART_PAGE;
    for (const i of shown.slice(start, start + ART_PAGE)) {
      const li = el("li");
      li.dataset.article = String(i);
      li.appendChild(el("span", "id", A[i].id));
      const extra = [A[i].date, A[i].outlet].filter(Boolean).join(" \u00b7 ");
      if (extra) li.appendChild(el("small", null, "  " + extra));
      li.addEventListener("click", () => showArticle(i));
      list.appendChild(li);
    }
  }
  function showArticle(i) {
    const view = $("article-view");
    view.textContent = "";
    for (const li of document.querySelectorAll("#articles-list li")) li.classList.toggle("on", li.dataset.article === String(i));
    const a = A[i];
    view.appendChild(el("h3", null, a.id));
    const meta = [a.title, a.date, a.outlet].filter(Boolean).join(" \u00b7 ");
    if (meta) view.appendChild(el("p", "hint", meta));
    // the source address as text to copy, never a link: the page loads and opens nothing
    if (a.url) view.appendChild(el("p", "hint", "source: " + a.url));
    const marks = [];
    for (const k of byArticle[i]) {
      const o = D.overlaps[k];
      const r = o.a === i ? o.ar : o.br;
      marks.push([r[0], r[1], k]);
    }
    for (const p of a.paragraphs) {
      const para = el("p", "k" + p[2]);
      const inside = marks.filter((m) => m[0] < p[1] && m[1] > p[0]).map((m) => [m[0], m[1], "m" + m[2]]);
      const frag = render(i, p[0], p[1], inside);
      for (const node of Array.from(frag.childNodes)) {
        if (node.nodeType === 1) {
          const ks = node.className.split(" ").map((c) => Number(c.slice(1)));
          const mk = el("mark");
          mk.textContent = node.textContent;
          mk.title = vis("shared with " + ks.map((k) => { const o = D.overlaps[k]; return A[o.a === i ? o.b : o.a].id; }).join(", "));
          mk.addEventListener("click", () => showPair(pairOf[ks[0]], true));
          para.appendChild(mk);
        } else {
          para.appendChild(node);
        }
      }
      view.appendChild(para);
    }
  }
  filter.addEventListener("input", refilter);
  artSel.addEventListener("change", drawArticles);

  // The ids the people, stories and role conflicts name (`id` or `id:line`) open that article.
  const indexOf = new Map(A.map((a, i) => [a.id, i]));
  for (const s of document.querySelectorAll("#people .id, #stories .id, #conflicts .id")) {
    const t = s.textContent;
    let i = indexOf.get(t);
    if (i === undefined) {
      const m = /^(.*):\d+(?:-\d+)?$/s.exec(t);
      if (m) i = indexOf.get(m[1]);
    }
    if (i === undefined) continue;
    s.classList.add("link");
    s.tabIndex = 0;
    s.title = "show this article";
    const go = () => { showArticle(i); $("articles").scrollIntoView(); };
    s.addEventListener("click", go);
    s.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
  }

  scopeChanged();
  drawPairs();
  refilter();
  if (D.pairs.length > 0) showPair(0, false);
  if (N > 0) showArticle(D.pairs.length > 0 ? D.pairs[0].a : 0);
})();
