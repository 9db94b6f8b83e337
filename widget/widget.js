/*
 * Örebro kommun's anonymous support chat. Plain JavaScript: no dependencies, no build step.
 *
 * Embed:  <script src="https://…/widget/widget.js" data-lang="sv" defer></script>
 * Options (data-*): lang (sv|en), mode (launcher|page|frame), target (element id for page mode),
 *                   api (API base URL), exit-url (where quick exit goes).
 *
 * Modes: "launcher" (on another site's page) adds only a button; the chat opens in an iframe from
 * the service's own origin (widget/frame.html, mode "frame"), so that no script of the embedding
 * page can read what is written. It makes no request before the button is pressed. "page" runs
 * the chat in the page itself (the service's own page, /).
 *
 * Nothing is stored: no cookies, no web storage; the conversation lives in page memory only and a
 * reload starts a new one. Quick exit: the button, or Shift pressed three times within 5 seconds;
 * it leaves the whole page, also from inside the iframe.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var framed = data.mode === "frame";  // the launcher passes its settings in the frame's address
  var query = new URLSearchParams(framed ? location.search : "");
  var config = {
    lang: query.get("lang") || data.lang || "sv",
    mode: data.mode || "launcher",
    target: data.target,
    api: data.api || new URL("/api", script ? script.src : location.href).href,
    exitUrl: webAddress(query.get("exit")) || webAddress(data.exitUrl) || "https://www.smhi.se/"
  };

  function webAddress(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  /* The widget's own texts in Swedish and English, by language: the server builds them in from
     bot/core/texts/<code>.yml (`card` and `widget`) when it serves this script, so that they show
     even when it cannot be reached later. Service numbers come from the server (resources.yml);
     112 is written in the texts. */
  var TEXTS = {};
  /* The chooser: each language in its own name. sv and en are built in (they work offline); the
     others load from i18n/<code>.json next to this script when chosen (the server answers from
     the same texts files). */
  var LANGUAGES = [
    ["sv", "Svenska"], ["en", "English"], ["ar", "العربية"], ["fa", "فارسی"], ["so", "Soomaali"],
    ["ti", "ትግርኛ"], ["pl", "Polski"], ["uk", "Українська"], ["bs", "Bosanski / Hrvatski / Srpski"],
    ["sv-ll", "Lättläst svenska"]
  ];
  var RTL = ["ar", "fa"];
  var MACHINE_NOTE = "Maskinöversatt text / Machine-assisted translation";
  var CRISIS_IDS = ["emergency", "kvinnofridslinjen", "socialjouren"];
  /* 112, Kvinnofridslinjen and Socialjouren as resources.yml had them when this script was
     served (the server fills them in): shown when the service cannot be reached later. */
  var OFFLINE_CARDS = {};

  var session = randomSession();
  var lang = TEXTS[config.lang] ? config.lang : "sv";
  // The language the conversation is in: the page's, until the service answers in another one
  // (someone writes English on a Swedish page); a short "ok" then stays in that language.
  var chatLang = lang;
  var widgetBase = new URL(".", script ? script.src : location.href).href;
  // easy-to-read Swedish shows the services' Swedish texts, as the chat and /stod do
  var crisisCards = OFFLINE_CARDS[lang === "sv-ll" ? "sv" : lang] || OFFLINE_CARDS.en || [];
  var ui = {};
  var greeted = false;
  var talked = false;  // the server holds a conversation under `session` that has not been ended

  function t(key) { return TEXTS[lang][key]; }

  function randomSession() {
    var bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function request(path, options) {
    var init = Object.assign({ credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" }, options || {});
    return fetch(config.api + path, init);
  }

  function postJson(path, body) {
    return request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  /* ---------- resource cards ---------- */

  /* A card's labels ("Call", "Free") in the language of the answer it belongs to (an English
     answer in the Swedish widget), else in the widget's. */
  function resourceCard(r, answerLang) {
    var texts = TEXTS[answerLang] || TEXTS[lang];
    function label(key) { return texts[key] || t(key); }
    var badges = el("p", { "class": "stod-badges" });
    function badge(text, cls) { badges.appendChild(el("span", { "class": "stod-badge" + (cls ? " " + cls : ""), text: text })); }
    if (r.open_now === true) badge(label("openNow"), "stod-open");
    if (r.open_now === false) badge(label("closedNow"));
    if (r.anonymous) badge(label("anonymous"));
    if (r.free) badge(label("free"));
    if (r.verified === false) badge(label("unverified"), "stod-unverified");
    var links = el("p", { "class": "stod-links" });
    // the number keeps its left-to-right order inside right-to-left text ("116 111", not "111 116")
    if (r.phone) links.appendChild(el("a", { href: "tel:" + r.phone.replace(/[^0-9+]/g, ""), "class": "stod-call" }, [
      document.createTextNode(label("call") + " "), el("bdi", { dir: "ltr", text: r.phone })
    ]));
    if (r.sms) links.appendChild(el("a", { href: "sms:" + r.sms.replace(/[^0-9+]/g, "") }, [
      document.createTextNode(label("sms") + " "), el("bdi", { dir: "ltr", text: r.sms })
    ]));
    if (r.chat_url) links.appendChild(el("a", { href: r.chat_url, rel: "noreferrer noopener", target: "_blank", text: label("chatLink") }));
    if (r.url) links.appendChild(el("a", { href: r.url, rel: "noreferrer noopener", target: "_blank", text: label("website") }));
    return el("li", { "class": "stod-card" }, [
      // not a heading: the widget cannot know the heading levels of the page it is embedded in
      // a service's own texts may be in another language than the chat (English in Arabic):
      // each paragraph takes its direction from its text, so punctuation stays where it belongs
      el("p", { "class": "stod-card-name", dir: "auto", text: r.name }),
      r.description ? el("p", { dir: "auto", text: r.description }) : null,
      r.hours ? el("p", { "class": "stod-hours", dir: "auto", text: r.hours }) : null,
      badges.childNodes.length ? badges : null,
      links.childNodes.length ? links : null
    ]);
  }

  function loadCrisisCards() {
    request("/resources?lang=" + encodeURIComponent(lang))
      .then(function (resp) { return resp.json(); })
      .then(function (body) {
        crisisCards = (body.resources || []).filter(function (r) { return CRISIS_IDS.indexOf(r.id) >= 0; });
      })
      .catch(function () { /* the error bubble still shows 112 */ });
  }

  /* ---------- chat ---------- */

  function addBubble(who, message) {
    var item = el("li", { "class": "stod-msg stod-" + who + (message.emergency ? " stod-emergency" : "") });
    if (message.lang) {
      item.setAttribute("lang", htmlLang(message.lang));
      item.setAttribute("dir", RTL.indexOf(message.lang) >= 0 ? "rtl" : "ltr");
    }
    item.appendChild(el("span", { "class": "stod-sr", text: (who === "bot" ? t("bot") : t("you")) + ": " }));
    if (message.text) item.appendChild(el("p", { text: message.text }));
    if (message.resources && message.resources.length) {
      var cards = message.resources.map(function (r) { return resourceCard(r, message.lang); });
      item.appendChild(el("ul", { "class": "stod-cards" }, cards));
    }
    if (message.buttons && message.buttons.length) {
      var buttons = el("div", { "class": "stod-buttons" });
      message.buttons.forEach(function (b) {
        var button = el("button", { type: "button", text: b.title });
        button.addEventListener("click", function () { send(b.payload, b.title); });
        buttons.appendChild(button);
      });
      item.appendChild(buttons);
    }
    if (message.machine_translated) {
      var texts = TEXTS[message.lang];
      item.appendChild(el("p", { "class": "stod-note", text: (texts && texts.machineNote) || MACHINE_NOTE }));
    }
    if (message.staff) {  // only when the server runs with --staff (testing)
      var s = message.staff;
      var info = "intent " + s.intent + " (" + s.confidence + ")" + (s.danger ? " · danger: " + s.danger : "") + (s.rule ? " · " + s.rule : "");
      item.appendChild(el("p", { "class": "stod-staff", text: info }));
    }
    ui.log.appendChild(item);
    return item;
  }

  /* Show the start of an answer: its first bubble holds 112 when there is danger. */
  function showAnswer(bubbles) {
    fillScreen();
    if (bubbles.length) ui.log.scrollTop = bubbles[0].offsetTop - 8; // the log is the offsetParent
  }

  /* On a phone the chat in page mode is as tall as the screen: once someone writes, the page's
     own heading scrolls away and the header (112, quick exit), the answers and the text box fill
     the screen. The height follows the visual viewport, so the on-screen keyboard does not hide
     the text box. */
  var PHONE = "(max-width: 40rem)";
  function fillScreen() {
    if (config.mode !== "page" || !ui.root || !ui.wrote || !window.matchMedia(PHONE).matches) return;
    var top = ui.root.getBoundingClientRect().top;
    if (Math.abs(top) > 1) window.scrollBy(0, top);
  }
  function followViewport() {
    var viewport = window.visualViewport;
    if (!viewport) return;
    function fit() { if (ui.root) ui.root.style.setProperty("--stod-height", viewport.height + "px"); }
    viewport.addEventListener("resize", function () {
      fit();
      if (document.activeElement === ui.input) fillScreen();  // the keyboard, not a pinch-zoom
    });
    fit();
  }

  function send(text, shown) {
    if (shown !== null) {
      ui.wrote = true;
      addBubble("user", { text: shown || text }).scrollIntoView({ block: "nearest" });
    }
    ui.typing.hidden = false;
    talked = true;
    return postJson("/chat", { session: session, text: text, lang: chatLang })
      .then(function (resp) {
        if (resp.status >= 500) throw new Error("HTTP " + resp.status);
        return resp.json();
      })
      .then(function (body) {
        var bubbles = [];
        if (body.lang) chatLang = body.lang;
        if ((body.messages || []).some(function (m) { return m.deleted; })) clearConversation();
        if (body.error) bubbles.push(addBubble("bot", { text: body.error.message, emergency: true }));
        // an answer in the language it was written in (its lang attribute, its cards' labels)
        (body.messages || []).forEach(function (m) {
          bubbles.push(addBubble("bot", Object.assign({ lang: body.lang }, m)));
        });
        showAnswer(bubbles);
      })
      .catch(function () {
        showAnswer([addBubble("bot", { text: t("error"), emergency: true, resources: crisisCards })]);
      })
      .then(function () { ui.typing.hidden = true; });
  }

  /* The conversation is gone from the server: it goes from the screen too, and a new one starts
     with a new id. */
  function clearConversation() {
    ui.log.textContent = "";
    session = randomSession();
    chatLang = lang;
  }

  /* Ends the conversation on the server. `reason` (close, quick_exit, leave) only adds one to a
     counter of how conversations end (bot/core/metrics.py); nothing else is kept. */
  function endOnServer(reason) {
    if (!talked) return;  // nothing to end: no message since the last end (counted once)
    talked = false;
    var body = new Blob([JSON.stringify({ session: session, reason: reason })], { type: "text/plain" });
    if (navigator.sendBeacon) navigator.sendBeacon(config.api + "/end", body);
  }

  /* Closing the chat ends the conversation on the server and clears the screen; opening it again
     starts afresh. */
  function endConversation() {
    endOnServer("close");
    clearConversation();
    greeted = false;
  }

  function greet() {
    if (greeted) return;
    greeted = true;
    send("/greet", null);
  }

  /* ---------- find support (no chatting) ---------- */

  function select(name, label, anyText, options) {
    var id = "stod-" + name + "-" + session.slice(0, 6);
    var node = el("select", { id: id, name: name });
    node.appendChild(el("option", { value: "", text: anyText }));
    Object.keys(options).forEach(function (key) { node.appendChild(el("option", { value: key, text: options[key] })); });
    return el("p", { "class": "stod-field" }, [el("label", { "for": id, text: label }), node]);
  }

  function buildFinder() {
    var who = select("audience", t("whoLabel"), t("anyone"), t("audiences"));
    var need = select("topic", t("needLabel"), t("anything"), t("topics"));
    var openId = "stod-open-" + session.slice(0, 6);
    var open = el("p", { "class": "stod-field stod-check" }, [
      el("input", { type: "checkbox", id: openId, name: "open_now" }),
      el("label", { "for": openId, text: t("openOnly") })
    ]);
    var form = el("form", { "class": "stod-finder-form" }, [who, need, open]);
    var results = el("ul", { "class": "stod-cards", "aria-label": t("results") });
    ui.finderCount = el("p", { "class": "stod-count", role: "status" });
    form.addEventListener("change", function () { find(form, results); });
    form.addEventListener("submit", function (e) { e.preventDefault(); find(form, results); });
    ui.finderResults = results;
    ui.finderForm = form;
    return el("div", { "class": "stod-finder" }, [form, ui.finderCount, results]);
  }

  function find(form, results) {
    var query = new URLSearchParams({ lang: lang });
    if (form.audience.value) query.set("audience", form.audience.value);
    if (form.topic.value) query.set("topic", form.topic.value);
    if (form.open_now.checked) query.set("open_now", "1");
    request("/resources?" + query.toString())
      .then(function (resp) { return resp.json(); })
      .then(function (body) {
        results.textContent = "";
        var found = body.resources || [];
        ui.finderCount.textContent = found.length === 1 ? t("resultsOne") : t("resultsCount").replace("{n}", found.length);
        if (!found.length) results.appendChild(el("li", { "class": "stod-card", text: t("noResults") }));
        found.forEach(function (r) { results.appendChild(resourceCard(r)); });
      })
      .catch(function () {
        results.textContent = "";
        results.appendChild(el("li", { "class": "stod-card stod-emergency", text: t("error") }));
        crisisCards.forEach(function (r) { results.appendChild(resourceCard(r)); });
      });
  }

  /* ---------- quick exit ---------- */

  function quickExit() {
    if (ui.root) ui.root.textContent = "";
    document.body.style.visibility = "hidden";
    if (config.mode !== "launcher") endOnServer("quick_exit");  // the frame holds the conversation
    if (ui.root && ui.root.parentNode) ui.root.parentNode.removeChild(ui.root);
    if (config.mode === "frame") {
      // The embedding page leaves itself when asked; leaving from here works only with a click.
      window.parent.postMessage("stod:exit", "*");
      try { window.top.location.replace(config.exitUrl); } catch (e) { /* the page above leaves */ }
      return;
    }
    location.replace(config.exitUrl);
  }

  /* What Shift has counted so far, read out and shown for 5 s. On another site's page (launcher
     mode) the widget's style sheet is not there: the region is only read out. */
  var exitTimer = null;
  function announceExit(text) {
    if (!ui.exitStatus) {
      ui.exitStatus = el("p", { "class": "stod-exit-status", role: "status" });
      if (config.mode === "launcher") {
        Object.assign(ui.exitStatus.style, { position: "fixed", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" });
        document.body.appendChild(ui.exitStatus);
      }
    }
    if (ui.root && ui.exitStatus.parentNode !== ui.header) ui.header.appendChild(ui.exitStatus);
    ui.exitStatus.textContent = text;
    ui.exitStatus.classList.add("stod-shown");
    clearTimeout(exitTimer);
    exitTimer = setTimeout(function () { ui.exitStatus.textContent = ""; ui.exitStatus.classList.remove("stod-shown"); }, 5000);
  }

  /* Shift pressed on its own three times within 5 s (GOV.UK "Exit this page"). Shift held while
     typing another key, as for a capital letter, does not count. */
  function watchShift() {
    var presses = [];
    var otherKey = false;
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Shift") otherKey = true;
      else if (!e.repeat) otherKey = false;
    }, true);
    document.addEventListener("keyup", function (e) {
      if (e.key !== "Shift") return;
      if (otherKey) { otherKey = false; return; }
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 5000; });
      presses.push(now);
      var left = 3 - presses.length;
      announceExit(left <= 0 ? t("leaving") : left === 1 ? t("shiftOnce") : t("shiftMore").replace("{n}", left));
      if (left <= 0) quickExit();
    }, true);
  }

  /* ---------- building the widget ---------- */

  function showView(name) {
    var chat = name === "chat";
    ui.chatView.hidden = !chat;
    ui.findView.hidden = chat;
    ui.chatTab.setAttribute("aria-pressed", String(chat));
    ui.findTab.setAttribute("aria-pressed", String(!chat));
    if (chat) greet();
    else find(ui.finderForm, ui.finderResults);
  }

  function buildPanel() {
    var exit = el("button", { type: "button", "class": "stod-exit", text: t("exit") });
    exit.addEventListener("click", quickExit);
    var chooserId = "stod-lang-" + session.slice(0, 6);
    var chooser = el("select", { id: chooserId, "class": "stod-lang" }, LANGUAGES.map(function (entry) {
      var option = el("option", { value: entry[0], lang: htmlLang(entry[0]), text: entry[1] });
      if (entry[0] === lang) option.setAttribute("selected", "selected");
      return option;
    }));
    chooser.addEventListener("change", function () { switchLanguage(chooser.value); });
    var language = el("p", { "class": "stod-lang-field" }, [el("label", { "for": chooserId, text: t("otherLanguage") }), chooser]);
    ui.chatTab = el("button", { type: "button", "class": "stod-tab", text: t("chatTab") });
    ui.findTab = el("button", { type: "button", "class": "stod-tab", text: t("findTab") });
    ui.chatTab.addEventListener("click", function () { showView("chat"); });
    ui.findTab.addEventListener("click", function () { showView("find"); });

    ui.log = ui.log || el("ol", { "class": "stod-log", "aria-live": "polite", "aria-label": t("title") });
    ui.typing = el("p", { "class": "stod-typing", text: t("typing") });
    ui.typing.hidden = true;
    ui.input = el("input", { type: "text", maxlength: "1000", autocomplete: "off", spellcheck: "false", autocorrect: "off", autocapitalize: "off", "aria-label": t("placeholder"), placeholder: t("placeholder") });
    var form = el("form", { "class": "stod-form" }, [ui.input, el("button", { type: "submit", text: t("send") })]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = ui.input.value.trim();
      if (!text) return;
      ui.input.value = "";
      send(text);
    });
    ui.chatView = el("div", { "class": "stod-view" }, [ui.log, ui.typing, form]);
    ui.findView = el("div", { "class": "stod-view stod-find" }, [buildFinder()]);
    ui.findView.hidden = true;

    var call = el("a", { "class": "stod-call112", href: "tel:112", text: t("call112") });
    var headerButtons = [language, exit];
    if (config.mode === "frame") {
      var close = el("button", { type: "button", "class": "stod-close", text: t("close") });
      close.addEventListener("click", function () {
        endConversation();
        window.parent.postMessage("stod:close", "*");
      });
      headerButtons.unshift(close);
    }
    var root = el("section", { "class": "stod-widget stod-mode-" + config.mode, lang: htmlLang(lang), dir: TEXTS[lang].dir || (RTL.indexOf(lang) >= 0 ? "rtl" : "ltr"), "aria-label": t("title") }, [
      ui.header = el("header", { "class": "stod-header" }, [
        call,
        el("div", { "class": "stod-header-buttons" }, headerButtons),
        el("p", { "class": "stod-exit-hint", text: t("exitHint") }),
        TEXTS[lang].reviewed === false ? el("p", { "class": "stod-note", text: t("machineNote") || MACHINE_NOTE }) : null
      ]),
      el("nav", { "class": "stod-tabs", "aria-label": t("title") }, [ui.chatTab, ui.findTab]),
      ui.chatView, ui.findView,
      el("p", { "class": "stod-history", text: t("history") })
    ]);
    return root;
  }

  function mount(root) {
    if (ui.root && ui.root.parentNode) ui.root.parentNode.replaceChild(root, ui.root);
    else {
      var host = config.target && document.getElementById(config.target);
      (host || document.body).appendChild(root);
    }
    ui.root = root;
  }

  function htmlLang(code) { return code === "sv-ll" ? "sv" : code; }

  /* Built-in texts for sv and en; the others are fetched once from i18n/<code>.json. */
  function loadTexts(code) {
    if (TEXTS[code]) return Promise.resolve(true);
    return fetch(widgetBase + "i18n/" + encodeURIComponent(code) + ".json", { credentials: "omit" })
      .then(function (resp) { if (!resp.ok) throw new Error("HTTP " + resp.status); return resp.json(); })
      .then(function (loaded) {
        // keys a translation lacks fall back to English
        TEXTS[code] = Object.assign({}, TEXTS.en, loaded);
        return true;
      })
      .catch(function () { return false; });
  }

  function switchLanguage(next) {
    loadTexts(next).then(function (ok) { if (ok) applyLanguage(next); });
  }

  function applyLanguage(next) {
    lang = next;
    chatLang = next;
    var findVisible = ui.findView && !ui.findView.hidden;
    mount(buildPanel());
    loadCrisisCards();
    showView(findVisible ? "find" : "chat");
    if (!findVisible && greeted) send("/greet", null);  // the menu again, in the new language
    (findVisible ? ui.findTab : ui.chatTab).focus();
  }

  /* ---------- the launcher on another site's page: a button and, once pressed, the iframe ---------- */

  var LAUNCHER_STYLE = {
    position: "fixed", right: "1rem", bottom: "1rem", maxWidth: "calc(100vw - 2rem)", zIndex: "2147483646",
    background: "#1d3557", color: "#fff", border: "2px solid #fff", borderRadius: "2rem",
    padding: "0.75rem 1.25rem", font: "700 1rem/1.5 system-ui, sans-serif", cursor: "pointer",
    boxShadow: "0 2px 8px rgba(0, 0, 0, 0.3)"
  };
  var FRAME_STYLE = { position: "fixed", zIndex: "2147483647", background: "#fff", border: "0" };

  function placeFrame() {
    var wide = window.matchMedia("(min-width: 40rem)").matches;
    Object.assign(ui.frame.style, wide
      ? { top: "auto", left: "auto", right: "1rem", bottom: "1rem", width: "26rem", height: "min(40rem, calc(100vh - 2rem))", borderRadius: "0.5rem", boxShadow: "0 2px 12px rgba(0, 0, 0, 0.35)" }
      : { top: "0", left: "0", right: "0", bottom: "0", width: "100%", height: "100%", borderRadius: "0", boxShadow: "none" });
  }

  /* When the chat's page does not report back within FRAME_TIMEOUT ms (the service is down or
     unreachable), the launcher shows the crisis card it was served with, in this page. */
  var FRAME_TIMEOUT = 3000;
  var OFFLINE_STYLE = {
    position: "fixed", right: "0", bottom: "0", left: "0", maxHeight: "100%", overflowY: "auto", zIndex: "2147483647",
    background: "#fff", color: "#1a1a1a", borderTop: "0.375rem solid #b00020", padding: "1rem",
    font: "1rem/1.5 system-ui, sans-serif", boxShadow: "0 -2px 12px rgba(0, 0, 0, 0.35)"
  };

  function showOffline() {
    if (ui.offline) return;
    var call = el("a", { href: "tel:112", text: t("call112") });
    Object.assign(call.style, { display: "inline-block", background: "#b00020", color: "#fff", fontWeight: "700", padding: "0.375rem 0.75rem", borderRadius: "0.25rem", textDecoration: "none" });
    var close = el("button", { type: "button", text: t("close") });
    close.addEventListener("click", function () { setFrameOpen(false); });
    var list = el("ul", {}, crisisCards.filter(function (r) { return r.phone; }).map(function (r) {
      return el("li", {}, [
        document.createTextNode(r.name + ": "),
        el("a", { href: "tel:" + r.phone.replace(/[^0-9+]/g, "") }, [el("bdi", { dir: "ltr", text: r.phone })])
      ]);
    }));
    ui.offline = el("section", { role: "alertdialog", "aria-label": t("title"), lang: htmlLang(lang) }, [
      el("p", { text: t("offline") }), call, list, close
    ]);
    Object.assign(ui.offline.style, OFFLINE_STYLE);
    if (ui.frame) ui.frame.style.display = "none";  // only the browser's error page is in it
    document.body.appendChild(ui.offline);
    call.focus();
  }

  /* The chat's page is up (also when it took longer than FRAME_TIMEOUT): the chat, not the card. */
  function chatReady() {
    clearTimeout(ui.frameTimer);
    if (ui.offline) {
      ui.offline.parentNode.removeChild(ui.offline);
      ui.offline = null;
    }
    if (ui.frame) {
      ui.frame.style.display = "block";
      ui.frame.focus();
    }
  }

  function setFrameOpen(open) {
    if (!open && ui.offline) {
      ui.offline.parentNode.removeChild(ui.offline);
      ui.offline = null;
    }
    clearTimeout(ui.frameTimer);
    if (open && !ui.frame) ui.frameTimer = setTimeout(showOffline, FRAME_TIMEOUT);
    if (open && !ui.frame) {
      var settings = new URLSearchParams({ lang: lang, exit: config.exitUrl });
      ui.frame = el("iframe", { title: t("title"), src: widgetBase + "frame.html?" + settings.toString() });
      Object.assign(ui.frame.style, FRAME_STYLE, { display: "block" });
      placeFrame();
      window.addEventListener("resize", placeFrame);
      document.body.appendChild(ui.frame);
    }
    if (!ui.frame) return;
    if (!open) {  // closing ends the conversation: the frame and everything in it go
      window.removeEventListener("resize", placeFrame);
      ui.frame.parentNode.removeChild(ui.frame);
      ui.frame = null;
    }
    ui.launcher.style.display = open ? "none" : "";
    ui.launcher.setAttribute("aria-expanded", String(open));
    (open ? ui.frame : ui.launcher).focus();
  }

  function buildLauncher() {
    var frameOrigin = new URL(widgetBase).origin;
    ui.launcher = el("button", { type: "button", "class": "stod-launcher", "aria-expanded": "false", text: t("open") });
    Object.assign(ui.launcher.style, LAUNCHER_STYLE);
    ui.launcher.addEventListener("click", function () { setFrameOpen(true); });
    document.body.appendChild(ui.launcher);
    window.addEventListener("message", function (e) {
      if (!ui.frame || e.origin !== frameOrigin || e.source !== ui.frame.contentWindow) return;
      if (e.data === "stod:ready") chatReady();
      else if (e.data === "stod:close") setFrameOpen(false);
      else if (e.data === "stod:exit") quickExit();
    });
  }

  /* Leaving the page ends the conversation on the server at once (the idle timeout is a backstop). */
  function endOnLeave() {
    window.addEventListener("pagehide", function () { endOnServer("leave"); });
  }

  function build() {
    watchShift();
    if (config.mode === "launcher") {
      buildLauncher();
      return;
    }
    endOnLeave();
    loadCrisisCards();
    mount(buildPanel());
    followViewport();
    showView("chat");
    if (config.mode === "frame") {
      ui.input.focus();
      window.parent.postMessage("stod:ready", "*");  // the launcher need not show its own card
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
