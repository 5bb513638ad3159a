/* quizgen card script: inlined at the end of every quizgen card template.
 *
 * It shuffles choices, order items and match answers at review time, lets a learner
 * tap a choice, and re-judges a typed answer against everything the deck accepts.
 * No network, no libraries. Anki desktop and AnkiMobile render the back in the same
 * page as the front (a global survives); AnkiDroid loads a new page (sessionStorage
 * survives). Where neither survives, both sides shuffle with the same seed, made from
 * the card's text and the day, so the back always agrees with the front.
 * Without scripts the card is still whole: lists keep their build-time order and
 * letters, and the back lists every accepted answer.
 * Anki reads double braces as template fields: none may appear in this file.
 */
(function () {
  "use strict";

  var STORE = "quizgen-card";
  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"];

  /* ---------------------------------------------------------------- state */

  function cardKey(element) {
    var parts = [];
    var prompt = element.querySelector(".qz-prompt");
    parts.push(prompt ? prompt.textContent : "");
    var shuffled = element.querySelectorAll("[data-qz-list]");
    for (var i = 0; i < shuffled.length; i += 1) {
      parts.push(shuffled[i].textContent);
    }
    return String(hash(parts.join("\u001f")));
  }

  function sessionStore() {
    try {
      var store = window.sessionStorage;
      store.setItem(STORE + "-probe", "1");
      store.removeItem(STORE + "-probe");
      return store;
    } catch (error) {
      return null;
    }
  }

  function daySeed(cardId) {
    return hash(cardId + ":" + Math.floor(Date.now() / 86400000));
  }

  function save(visit) {
    window.quizgenCardState = visit;
    var store = sessionStore();
    if (store) {
      try {
        store.setItem(STORE, JSON.stringify(visit));
      } catch (error) {
        /* a full or locked store: the global still carries the visit */
      }
    }
  }

  function startVisit(cardId) {
    var store = sessionStore();
    var seed = store ? Math.floor(Math.random() * 4294967296) : daySeed(cardId);
    var visit = { key: cardId, seed: seed, picked: [], typed: "" };
    save(visit);
    return visit;
  }

  function resumeVisit(cardId) {
    var found = window.quizgenCardState;
    if (!found || found.key !== cardId) {
      var store = sessionStore();
      try {
        found = store ? JSON.parse(store.getItem(STORE) || "null") : null;
      } catch (error) {
        found = null;
      }
    }
    if (found && found.key === cardId) {
      return found;
    }
    return { key: cardId, seed: daySeed(cardId), picked: [], typed: "" };
  }

  /* ---------------------------------------------------------------- shuffling */

  /* include seeded.js */

  function isSolved(items) {
    if (items.length < 2 || !items[0].hasAttribute("data-qz-rank")) {
      return false;
    }
    for (var i = 0; i < items.length; i += 1) {
      if (Number(items[i].getAttribute("data-qz-rank")) !== i) {
        return false;
      }
    }
    return true;
  }

  function shuffleLists(element, seed) {
    var found = {};
    var shuffled = element.querySelectorAll("[data-qz-list]");
    for (var n = 0; n < shuffled.length; n += 1) {
      var list = shuffled[n];
      var name = list.getAttribute("data-qz-list");
      var items = Array.prototype.slice.call(list.children);
      if (!list.hasAttribute("data-qz-fixed")) {
        var next = generator(hash(name) ^ seed);
        for (var i = items.length - 1; i > 0; i -= 1) {
          var j = Math.floor(next() * (i + 1));
          var swap = items[i];
          items[i] = items[j];
          items[j] = swap;
        }
        if (isSolved(items)) {
          items.push(items.shift());
        }
        for (var k = 0; k < items.length; k += 1) {
          list.appendChild(items[k]);
        }
      }
      found[name] = items;
    }
    return found;
  }

  function letter(index) {
    // A … Z, then AA, AB …: the lettering of quizgen/labels.py, so cards agree with paper
    var text = "";
    var number = index + 1;
    while (number > 0) {
      var remainder = (number - 1) % 26;
      text = String.fromCharCode(65 + remainder) + text;
      number = Math.floor((number - 1) / 26);
    }
    return text;
  }

  function relabel(element, found) {
    var labels = element.querySelectorAll(".qz-label[data-qz-ref]");
    for (var i = 0; i < labels.length; i += 1) {
      var ref = labels[i].getAttribute("data-qz-ref").split(":");
      var items = found[ref[0]] || [];
      for (var k = 0; k < items.length; k += 1) {
        if (items[k].getAttribute("data-qz-id") === ref[1]) {
          labels[i].textContent = letter(k);
        }
      }
    }
    var codes = element.querySelectorAll(".qz-code");
    var solution = element.querySelectorAll(".qz-solution .qz-label");
    for (var c = 0; c < codes.length; c += 1) {
      var written = [];
      for (var s = 0; s < solution.length; s += 1) {
        written.push((solution[s].getAttribute("data-qz-prefix") || "") + solution[s].textContent);
      }
      codes[c].textContent = written.join(" ");
    }
  }

  /* ---------------------------------------------------------------- choices */

  function optionsOf(element) {
    return element.querySelector("[data-qz-list='options']");
  }

  function makeTappable(element, visit) {
    var list = optionsOf(element);
    if (!list) {
      return;
    }
    var many = list.getAttribute("data-qz-many") === "1";
    list.classList.add("qz-tappable");
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (item) {
      item.setAttribute("role", many ? "checkbox" : "radio");
      item.setAttribute("aria-checked", "false");
      item.setAttribute("tabindex", "0");
      var choose = function (event) {
        event.preventDefault();
        event.stopPropagation();
        var id = item.getAttribute("data-qz-id");
        var at = visit.picked.indexOf(id);
        if (many) {
          if (at >= 0) {
            visit.picked.splice(at, 1);
          } else {
            visit.picked.push(id);
          }
        } else {
          visit.picked = at >= 0 ? [] : [id];
        }
        items.forEach(function (other) {
          var on = visit.picked.indexOf(other.getAttribute("data-qz-id")) >= 0;
          other.classList.toggle("qz-picked", on);
          other.setAttribute("aria-checked", on ? "true" : "false");
        });
        save(visit);
      };
      item.addEventListener("click", choose);
      item.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          choose(event);
        }
      });
    });
  }

  function showChoiceVerdict(element, visit, found) {
    var list = optionsOf(element);
    var verdict = element.querySelector(".qz-verdict");
    if (!list || !verdict || !visit.picked.length) {
      return;
    }
    var items = found.options || [];
    var wrong = [];
    var missed = 0;
    items.forEach(function (item, index) {
      var picked = visit.picked.indexOf(item.getAttribute("data-qz-id")) >= 0;
      var correct = item.classList.contains("qz-correct");
      item.classList.toggle("qz-picked", picked);
      item.classList.toggle("qz-wrong", picked && !correct);
      if (picked && !correct) {
        wrong.push(letter(index));
      }
      if (!picked && correct) {
        missed += 1;
      }
    });
    if (!wrong.length && !missed) {
      judge(verdict, true, "Right");
    } else {
      var parts = [];
      if (wrong.length) {
        parts.push("you chose " + wrong.join(", "));
      }
      if (missed && list.getAttribute("data-qz-many") === "1") {
        parts.push(missed === 1 ? "one right choice was left out" : "right choices were left out");
      }
      judge(verdict, false, "Not quite: " + parts.join("; "));
    }
  }

  function judge(verdict, ok, text) {
    verdict.textContent = (ok ? "\u2713 " : "\u2717 ") + text;
    verdict.classList.add(ok ? "qz-verdict-right" : "qz-verdict-wrong");
    verdict.hidden = false;
  }

  /* ---------------------------------------------------------------- typed answers */

  function watchTyping(element, visit) {
    var input = document.getElementById("typeans");
    if (!input || input.tagName !== "INPUT") {
      return;
    }
    input.addEventListener("input", function () {
      visit.typed = input.value;
      save(visit);
    });
  }

  function typedFromComparison(code) {
    var arrow = code.querySelector("#typearrow");
    if (!arrow) {
      return code.querySelector(".typeGood, .typeBad") ? code.textContent : "";
    }
    var text = "";
    for (var node = code.firstChild; node && node !== arrow; node = node.nextSibling) {
      if (node.nodeType === 3) {
        text += node.textContent;
      } else if (node.nodeType === 1 && !node.classList.contains("typeMissed")) {
        text += node.textContent;
      }
    }
    return text;
  }

  function showTypedVerdict(element, visit) {
    var rule = element.querySelector(".qz-rule[data-qz-accept]");
    var verdict = element.querySelector(".qz-verdict");
    if (!rule || !verdict) {
      return;
    }
    var code = document.querySelector("code#typeans");
    var typed = code ? typedFromComparison(code) : visit.typed || "";
    if (!normalise(typed)) {
      return;
    }
    var accept;
    try {
      accept = JSON.parse(rule.getAttribute("data-qz-accept"));
    } catch (error) {
      return;
    }
    var ok = accepts(accept, typed);
    element.classList.add(ok ? "qz-typed-right" : "qz-typed-wrong");
    judge(verdict, ok, ok ? "Accepted" : "Not accepted");
  }

  function normalise(text) {
    var folded = String(text || "").normalize("NFKC").toLowerCase();
    folded = folded.replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'");
    folded = folded.replace(/[\u201c\u201d\u201e\u2033]/g, "\"");
    folded = folded.replace(/[\u2010-\u2015\u2212]/g, "-");
    folded = folded.replace(/\s+/g, " ").trim();
    folded = folded.replace(/[.!?;]+$/, "").trim();
    return folded.replace(/^(the|a|an) /, "");
  }

  function accepts(rule, typed) {
    if (rule.kind === "text") {
      var mine = normalise(typed);
      return rule.forms.some(function (form) {
        return normalise(form) === mine;
      });
    }
    if (rule.kind === "truefalse") {
      var word = normalise(typed);
      var yes = ["true", "t", "yes", "y"];
      var no = ["false", "f", "no", "n"];
      return (rule.value ? yes : no).indexOf(word) >= 0;
    }
    if (rule.kind === "number") {
      var value = readNumber(typed, rule.unit || "");
      return value !== null && Math.abs(value - Number(rule.value)) <= Number(rule.tolerance) +
        1e-9 * Math.max(1, Math.abs(Number(rule.value)));
    }
    if (rule.kind === "date") {
      var when = readDate(typed);
      return when !== null && when.year === rule.year && when.month === rule.month &&
        when.day === rule.day;
    }
    return false;
  }

  function readNumber(typed, unit) {
    var text = normalise(typed).replace(/[\u00a0\u2009\u202f_]/g, " ");
    var units = [normalise(unit)];
    if (/^(per ?cent|percent|%)$/.test(units[0])) {
      units.push("%", "per cent", "percent");
    }
    units.forEach(function (name) {
      if (name && text.slice(-name.length) === name) {
        text = text.slice(0, -name.length).trim();
      }
    });
    text = text.replace(/^[$\u00a3\u20ac]\s*/, "");
    var sign = 1;
    if (/^[-+]/.test(text)) {
      sign = text.charAt(0) === "-" ? -1 : 1;
      text = text.slice(1);
    }
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      return sign * Number(text.replace(/,/g, ""));
    }
    if (/^\d{1,3}( \d{3})+(\.\d+)?$/.test(text)) {
      return sign * Number(text.replace(/ /g, ""));
    }
    if (/^\d+(\.\d+)?$/.test(text) || /^\.\d+$/.test(text)) {
      return sign * Number(text);
    }
    if (/^\d+,\d+$/.test(text)) {
      return sign * Number(text.replace(",", "."));
    }
    return null;
  }

  function monthNumber(word) {
    if (word.length < 3) {
      return null;
    }
    for (var i = 0; i < MONTHS.length; i += 1) {
      if (MONTHS[i].indexOf(word) === 0) {
        return i + 1;
      }
    }
    return null;
  }

  function realDate(year, month, day) {
    if (month !== null && (month < 1 || month > 12)) {
      return null;
    }
    if (day !== null) {
      var probe = new Date(Date.UTC(year > 0 ? year : 4, month - 1, day));
      if (probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) {
        return null;
      }
    }
    return { year: year, month: month, day: day };
  }

  function readDate(typed) {
    var text = normalise(typed).replace(/,/g, " ").replace(/\bof\b/g, " ");
    text = text.replace(/(\d)(st|nd|rd|th)\b/g, "$1").replace(/\s+/g, " ").trim();
    var era = /\s*\b(bce?|b\.\s?c(\.\s?e)?\.?)$/.exec(text);
    if (era) {
      var before = readDate(text.slice(0, era.index));
      return before && before.year > 0 ? realDate(-before.year, before.month, before.day) : null;
    }
    text = text.replace(/^(ad|a\.d\.?)\s+/, "").replace(/\s+(ad|a\.d|ce|c\.e)\.?$/, "");
    var m;
    if ((m = /^(\d{1,4})$/.exec(text))) {
      return realDate(Number(m[1]), null, null);
    }
    if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) {
      return realDate(Number(m[1]), Number(m[2]), null);
    }
    if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(text))) {
      return realDate(Number(m[2]), Number(m[1]), null);
    }
    if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) {
      return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) {
      var first = Number(m[1]);
      var second = Number(m[2]);
      return realDate(Number(m[3]), second, first) ||
        (first <= 12 ? realDate(Number(m[3]), first, second) : null);
    }
    var words = text.replace(/\./g, " ").split(" ").filter(Boolean);
    var numbers = [];
    var month = null;
    for (var i = 0; i < words.length; i += 1) {
      if (/^\d{1,4}$/.test(words[i])) {
        numbers.push(Number(words[i]));
      } else if (month === null && /^[a-z]+$/.test(words[i]) && monthNumber(words[i]) !== null) {
        month = monthNumber(words[i]);
      } else {
        return null;
      }
    }
    if (month === null || numbers.length < 1 || numbers.length > 2) {
      return null;
    }
    if (numbers.length === 1) {
      return realDate(numbers[0], month, null);
    }
    var yearFirst = numbers[0] > 31;
    return realDate(numbers[yearFirst ? 0 : 1], month, numbers[yearFirst ? 1 : 0]);
  }

  /* ---------------------------------------------------------------- the visit */

  function run() {
    var roots = document.querySelectorAll(".qz[data-qz-side]");
    var root = roots[roots.length - 1];
    if (!root) {
      return;
    }
    var side = root.getAttribute("data-qz-side");
    root.classList.add("qz-scripted");
    var key = cardKey(root);
    var state = side === "front" ? startVisit(key) : resumeVisit(key);
    var lists = shuffleLists(root, state.seed);
    relabel(root, lists);
    if (side === "front") {
      makeTappable(root, state);
      watchTyping(root, state);
    } else {
      showChoiceVerdict(root, state, lists);
      showTypedVerdict(root, state);
    }
  }

  run();
})();
