/*
 * Örebro kommun support chat widget. Plain JavaScript, no dependencies, no build step.
 * Embed: <script src="/widget/widget.js" data-lang="sv" defer></script>
 * Nothing is stored: no cookies, no web storage; the conversation lives in page memory only.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = {
    lang: (script && script.dataset.lang) || "sv",
    mode: (script && script.dataset.mode) || "launcher",
    target: script && script.dataset.target,
    api: (script && script.dataset.api) || new URL("/api", script ? script.src : location.href).href,
    exitUrl: (script && script.dataset.exitUrl) || "https://www.google.com/search?q=v%C3%A4der"
  };

  /* All texts of the widget itself, one block per language. */
  var TEXTS = {
    sv: {
      title: "Stödchatt",
      emergency: "Vid akut fara: ring 112",
      exit: "Lämna sidan snabbt",
      placeholder: "Skriv ditt meddelande",
      send: "Skicka",
      typing: "Chattroboten skriver …",
      open: "Chatta anonymt om stöd",
      close: "Stäng chatten",
      bot: "Chattroboten",
      you: "Du",
      error: "Chatten fungerar inte just nu. Vid akut fara: ring 112. Här kan du få stöd:",
      history: "Webbläsarens historik raderas inte när du lämnar sidan. Rensa den själv om någon kan se din telefon.",
      openNow: "Öppet nu",
      closedNow: "Stängt nu",
      anonymous: "Anonymt",
      free: "Gratis",
      unverified: "Uppgiften är inte bekräftad",
      call: "Ring",
      website: "Webbplats",
      language: "Language: English",
      otherLang: "en"
    },
    en: {
      title: "Support chat",
      emergency: "In an emergency: call 112",
      exit: "Leave this page quickly",
      placeholder: "Write your message",
      send: "Send",
      typing: "The chat bot is writing …",
      open: "Chat anonymously about support",
      close: "Close the chat",
      bot: "Chat bot",
      you: "You",
      error: "The chat is not working right now. In an emergency: call 112. Here you can get support:",
      history: "Your browser history is not deleted when you leave. Clear it yourself if someone can look at your phone.",
      openNow: "Open now",
      closedNow: "Closed now",
      anonymous: "Anonymous",
      free: "Free",
      unverified: "Not confirmed",
      call: "Call",
      website: "Website",
      language: "Språk: svenska",
      otherLang: "sv"
    }
  };

  function randomSession() {
    var bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var session = randomSession();
  var lang = TEXTS[config.lang] ? config.lang : "sv";
  var t = function (key) { return TEXTS[lang][key]; };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  var root, log, input, form, typing;
  // Fetched once at start and kept in page memory, so the error state can show them offline.
  var CRISIS_IDS = ["emergency", "kvinnofridslinjen"];
  var crisisCards = [];

  function loadCrisisCards() {
    fetch(config.api + "/resources?lang=" + encodeURIComponent(lang), { credentials: "omit", cache: "no-store" })
      .then(function (resp) { return resp.json(); })
      .then(function (data) {
        crisisCards = (data.resources || []).filter(function (r) { return CRISIS_IDS.indexOf(r.id) >= 0; });
      })
      .catch(function () { /* the error bubble still shows 112 */ });
  }

  function postJson(path, body) {
    return fetch(config.api + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer"
    });
  }

  function resourceCard(r) {
    var badges = el("p", { "class": "stod-badges" });
    if (r.open_now === true) badges.appendChild(el("span", { "class": "stod-badge stod-open", text: t("openNow") }));
    if (r.open_now === false) badges.appendChild(el("span", { "class": "stod-badge", text: t("closedNow") }));
    if (r.anonymous) badges.appendChild(el("span", { "class": "stod-badge", text: t("anonymous") }));
    if (r.free) badges.appendChild(el("span", { "class": "stod-badge", text: t("free") }));
    if (r.verified === false) badges.appendChild(el("span", { "class": "stod-badge stod-unverified", text: t("unverified") }));
    var links = el("p", { "class": "stod-links" });
    if (r.phone) links.appendChild(el("a", { href: "tel:" + r.phone.replace(/[^0-9+]/g, ""), "class": "stod-call", text: t("call") + " " + r.phone }));
    if (r.url) links.appendChild(el("a", { href: r.url, rel: "noreferrer noopener", target: "_blank", text: t("website") }));
    return el("li", { "class": "stod-card" }, [
      el("h3", { text: r.name }),
      r.description ? el("p", { text: r.description }) : null,
      r.hours ? el("p", { "class": "stod-hours", text: r.hours }) : null,
      badges.childNodes.length ? badges : null,
      links
    ]);
  }

  function addBubble(who, message) {
    var item = el("li", { "class": "stod-msg stod-" + who + (message.emergency ? " stod-emergency" : "") });
    item.appendChild(el("span", { "class": "stod-sr", text: (who === "bot" ? t("bot") : t("you")) + ": " }));
    if (message.text) item.appendChild(el("p", { text: message.text }));
    if (message.resources && message.resources.length) {
      item.appendChild(el("ul", { "class": "stod-cards" }, message.resources.map(resourceCard)));
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
    log.appendChild(item);
    return item;
  }

  /* Show the start of an answer (its first bubble holds 112 when there is danger). */
  function showAnswer(bubbles) {
    if (bubbles.length) log.scrollTop = bubbles[0].offsetTop - 8; // the log is the offsetParent
  }

  function send(text, shown) {
    addBubble("user", { text: shown || text }).scrollIntoView({ block: "nearest" });
    typing.hidden = false;
    return postJson("/chat", { session: session, text: text, lang: lang })
      .then(function (resp) {
        if (!resp.ok && resp.status !== 429 && resp.status !== 400) throw new Error("HTTP " + resp.status);
        return resp.json();
      })
      .then(function (data) {
        var bubbles = [];
        if (data.error) bubbles.push(addBubble("bot", { text: data.error.message, emergency: true }));
        (data.messages || []).forEach(function (m) { bubbles.push(addBubble("bot", m)); });
        showAnswer(bubbles);
      })
      .catch(function () {
        showAnswer([addBubble("bot", { text: t("error"), emergency: true, resources: crisisCards })]);
      })
      .then(function () { typing.hidden = true; });
  }

  function quickExit() {
    root.innerHTML = "";
    var body = JSON.stringify({ session: session });
    if (navigator.sendBeacon) navigator.sendBeacon(config.api + "/end", new Blob([body], { type: "application/json" }));
    location.replace(config.exitUrl);
  }

  function build() {
    log = el("ol", { "class": "stod-log", "aria-live": "polite", "aria-label": t("title") });
    input = el("input", { type: "text", maxlength: "1000", autocomplete: "off", "aria-label": t("placeholder"), placeholder: t("placeholder") });
    form = el("form", { "class": "stod-form" }, [input, el("button", { type: "submit", text: t("send") })]);
    typing = el("p", { "class": "stod-typing", text: t("typing") });
    typing.hidden = true;
    var exit = el("button", { type: "button", "class": "stod-exit", text: t("exit") });
    exit.addEventListener("click", quickExit);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      input.value = "";
      send(text);
    });
    root = el("section", { "class": "stod-widget", lang: lang, "aria-label": t("title") }, [
      el("header", { "class": "stod-header" }, [
        el("p", { "class": "stod-emergency-line", text: t("emergency") }),
        exit
      ]),
      log, typing, form,
      el("p", { "class": "stod-history", text: t("history") })
    ]);
    var host = config.target && document.getElementById(config.target);
    (host || document.body).appendChild(root);
    loadCrisisCards();
    send("/greet", null).then(function () {
      // the opening request is not something the user said: drop its echo
      var first = log.querySelector(".stod-user");
      if (first) first.remove();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
