/* quizgen self-check page: builds the quiz from the JSON in #quiz-data, shuffles it with
   a seed (?seed=… in the address, else a fresh one), and marks answers by the deck's rules.
   Deck text only ever reaches the page as text nodes (textContent), never as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("quiz-data").textContent);
  var KEY = base64Bytes(DATA.key);
  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"];
  var states = [];

  /* ---------------------------------------------------------------- small helpers */

  function base64Bytes(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  /* The answers are XOR-ed with the page key from an offset per question: hidden from a
     glance at the source, not from anyone who tries. The page says so. */
  function unlock(question) {
    var bytes = base64Bytes(question.key);
    for (var i = 0; i < bytes.length; i++) {
      bytes[i] ^= KEY[(i + question.offset) % KEY.length];
    }
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (name === "text") node.textContent = attrs[name];
        else node.setAttribute(name, attrs[name]);
      });
    }
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function seedFromAddress() {
    var match = /[?&]seed=([^&#]*)/.exec(window.location.search);
    if (match && match[1] !== "") return decodeURIComponent(match[1]);
    var random = new Uint32Array(1);
    window.crypto.getRandomValues(random);
    return String(1 + (random[0] % 999999));
  }

  /* mulberry32 over an FNV-1a hash of the seed text: the same seed, the same order. */
  /* include seeded.js */

  function shuffled(values, random) {
    var copy = values.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var held = copy[i];
      copy[i] = copy[j];
      copy[j] = held;
    }
    return copy;
  }

  function range(count) {
    var values = [];
    for (var i = 0; i < count; i++) values.push(i);
    return values;
  }

  /* ---------------------------------------------------------------- the deck's rules */

  function normalText(text) {
    return text.normalize("NFKC")
      .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\s+/g, " ").trim().replace(/[.!]$/, "").trim().toLowerCase();
  }

  function sameText(given, accepted) {
    var mine = normalText(given);
    return mine !== "" && accepted.some(function (text) { return normalText(text) === mine; });
  }

  /* 7,000 · 7 000 · 7000 · 11.25 · 11,25 · −3 · 7.000,5; a unit after the figure is allowed. */
  function parseNumber(given, unit) {
    var text = given.normalize("NFKC").replace(/\u2212/g, "-").trim();
    if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) {
      text = text.slice(0, text.length - unit.length).trim();
    }
    text = text.replace(/[\s']/g, "");
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
    else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) text = text.replace(/\./g, "").replace(",", ".");
    else if (/^[-+]?\d*,\d+$/.test(text)) text = text.replace(",", ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
    return Number(text);
  }

  function monthNumber(word) {
    if (word.length < 3) return null;
    for (var i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].indexOf(word) === 0) return i + 1;
    }
    return null;
  }

  /* 1996 · 2000-03 · March 2000 · Mar 2000 · 19 June 2024 · June 19, 2024 · 19th June 2024;
     before Christ: 44 BC · 15 March 44 BC · -44 · -44-03-15 */
  function parseDate(given) {
    var text = given.trim().toLowerCase();
    var era = /\s*(bce?|b\.c\.(e\.)?)$/.exec(text);
    if (era) {
      var before = parseDate(text.slice(0, era.index));
      if (!before || before.year <= 0) return null;
      before.year = -before.year;
      return before;
    }
    var iso = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
    if (iso) {
      return { year: +iso[1], month: iso[2] ? +iso[2] : null, day: iso[3] ? +iso[3] : null };
    }
    var words = text.replace(/[,.]/g, " ").split(/\s+/).filter(Boolean);
    var month = null;
    var numbers = [];
    for (var i = 0; i < words.length; i++) {
      var figure = /^(\d+)(st|nd|rd|th)?$/.exec(words[i]);
      if (figure) numbers.push(+figure[1]);
      else if (month === null && monthNumber(words[i]) !== null) month = monthNumber(words[i]);
      else return null;
    }
    if (month === null || numbers.length < 1 || numbers.length > 2) return null;
    if (numbers.length === 1) return { year: numbers[0], month: month, day: null };
    var dayFirst = numbers[0] <= 31 && numbers[1] > 31;
    return {
      year: dayFirst ? numbers[1] : numbers[0] > 31 ? numbers[0] : numbers[1],
      month: month,
      day: dayFirst ? numbers[0] : numbers[0] > 31 ? numbers[1] : numbers[0]
    };
  }

  function sameDate(given, answer) {
    var date = parseDate(given);
    if (!date || date.year !== answer.year) return false;
    if (answer.month !== null && date.month !== answer.month) return false;
    if (answer.day !== null && date.day !== answer.day) return false;
    return true;
  }

  /* ---------------------------------------------------------------- one question */

  function build(question, number, random) {
    var form = el("form", { "class": "qz-question", "data-qid": question.id,
      "data-type": question.type, "aria-labelledby": "q-" + number });
    var heading = el("h3", { id: "q-" + number }, [
      el("span", { "class": "qz-number", text: number + ". " })]);
    var state = { question: question, form: form, read: null, result: null, points: question.points };

    if (question.type === "cloze") {
      heading.appendChild(document.createTextNode("Fill in the gaps"));
    } else {
      heading.appendChild(document.createTextNode(question.prompt));
    }
    form.appendChild(heading);
    if (question.image) {
      form.appendChild(el("img", { src: question.image, alt: "Picture for question " + number,
        "class": "qz-picture" }));
    }
    var body = el("div", { "class": "qz-body" });
    form.appendChild(body);
    builders[question.type](question, body, state, random, number);

    var result = el("p", { "class": "qz-result", role: "status", "aria-live": "polite" });
    state.result = result;
    form.appendChild(el("div", { "class": "qz-actions" }, [
      el("button", { type: "submit", text: "Check" }), result]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      mark(state);
      updateScore();
    });
    states.push(state);
    return form;
  }

  function textInput(label, id, describedBy) {
    var input = el("input", { type: "text", id: id, autocomplete: "off", autocapitalize: "off",
      spellcheck: "false" });
    if (describedBy) input.setAttribute("aria-describedby", describedBy);
    return [el("label", { "for": id, text: label }), input];
  }

  var builders = {
    short: function (question, body, state, random, number) {
      var parts = textInput("Your answer", "a-" + number);
      body.appendChild(el("p", { "class": "qz-field" }, parts));
      state.read = function () { return parts[1].value; };
    },
    date: function (question, body, state, random, number) {
      var parts = textInput("Your answer (a year, month or date)", "a-" + number);
      body.appendChild(el("p", { "class": "qz-field" }, parts));
      state.read = function () { return parts[1].value; };
    },
    numeric: function (question, body, state, random, number) {
      var parts = textInput("Your answer", "a-" + number);
      var row = el("p", { "class": "qz-field" }, parts);
      if (question.unit) row.appendChild(el("span", { "class": "qz-unit", text: " " + question.unit }));
      body.appendChild(row);
      state.read = function () { return parts[1].value; };
    },
    truefalse: function (question, body, state, random, number) {
      var group = el("fieldset", { "class": "qz-options" }, [
        el("legend", { "class": "qz-hidden", text: "True or false" })]);
      var inputs = ["True", "False"].map(function (word, index) {
        var input = el("input", { type: "radio", name: "a-" + number, value: String(index === 0),
          id: "a-" + number + "-" + index });
        group.appendChild(el("label", { "for": input.id, "class": "qz-option" }, [input, " " + word]));
        return input;
      });
      body.appendChild(group);
      state.read = function () {
        var chosen = inputs.filter(function (input) { return input.checked; });
        return chosen.length ? chosen[0].value === "true" : null;
      };
    },
    choice: function (question, body, state, random, number) {
      var order = question.shuffle ? shuffled(range(question.choices.length), random)
        : range(question.choices.length);
      var group = el("fieldset", { "class": "qz-options" }, [
        el("legend", { "class": question.multi ? "qz-instruction" : "qz-hidden",
          text: question.multi ? "Choose all that apply" : "Choose one" })]);
      var inputs = order.map(function (choiceIndex, position) {
        var input = el("input", { type: question.multi ? "checkbox" : "radio", name: "a-" + number,
          value: String(choiceIndex), id: "a-" + number + "-" + position });
        group.appendChild(el("label", { "for": input.id, "class": "qz-option" },
          [input, " " + question.choices[choiceIndex]]));
        return input;
      });
      body.appendChild(group);
      state.read = function () {
        return inputs.filter(function (input) { return input.checked; })
          .map(function (input) { return Number(input.value); });
      };
    },
    cloze: function (question, body, state, random, number) {
      var text = el("p", { "class": "qz-cloze" });
      var inputs = [];
      question.segments.forEach(function (segment) {
        if (typeof segment === "string") {
          text.appendChild(document.createTextNode(segment));
          return;
        }
        var gap = inputs.length + 1;
        var input = el("input", { type: "text", "class": "qz-gap", autocomplete: "off",
          autocapitalize: "off", spellcheck: "false", id: "a-" + number + "-" + gap,
          "aria-label": "Gap " + gap + (segment.hint ? " (" + segment.hint + ")" : "") });
        if (segment.hint) input.setAttribute("placeholder", segment.hint);
        inputs.push(input);
        text.appendChild(input);
      });
      body.appendChild(text);
      state.read = function () { return inputs.map(function (input) { return input.value; }); };
      state.gapInputs = inputs;
    },
    order: function (question, body, state, random, number) {
      var arranged = shuffled(range(question.items.length), random);
      body.appendChild(el("p", { "class": "qz-instruction",
        text: "Put these in order, first at the top (use the Up and Down buttons)." }));
      var list = el("ol", { "class": "qz-order" });
      body.appendChild(list);
      function draw(focusIndex, focusDirection) {
        while (list.firstChild) list.removeChild(list.firstChild);
        arranged.forEach(function (itemIndex, position) {
          var label = question.items[itemIndex];
          var up = el("button", { type: "button", "class": "qz-move", text: "\u2191",
            "aria-label": "Move \u201c" + label + "\u201d up" });
          var down = el("button", { type: "button", "class": "qz-move", text: "\u2193",
            "aria-label": "Move \u201c" + label + "\u201d down" });
          up.disabled = position === 0;
          down.disabled = position === arranged.length - 1;
          up.addEventListener("click", function () { move(position, -1); });
          down.addEventListener("click", function () { move(position, 1); });
          list.appendChild(el("li", { "data-item": String(itemIndex) },
            [el("span", { "class": "qz-item", text: label }), up, down]));
          if (itemIndex === focusIndex) {
            var target = focusDirection < 0 && !up.disabled ? up : !down.disabled ? down : up;
            target.focus();
          }
        });
      }
      function move(position, step) {
        var other = position + step;
        var held = arranged[position];
        arranged[position] = arranged[other];
        arranged[other] = held;
        draw(held, step);
      }
      draw(-1, 0);
      state.read = function () { return arranged.slice(); };
    },
    match: function (question, body, state, random, number) {
      var rights = shuffled(range(question.rights.length), random);
      var selects = question.lefts.map(function (left, leftIndex) {
        var id = "a-" + number + "-" + leftIndex;
        var select = el("select", { id: id }, [el("option", { value: "", text: "\u2014 choose \u2014" })]);
        rights.forEach(function (rightIndex) {
          select.appendChild(el("option", { value: String(rightIndex), text: question.rights[rightIndex] }));
        });
        body.appendChild(el("p", { "class": "qz-pair" }, [
          el("label", { "for": id, text: left }), select]));
        return select;
      });
      state.read = function () {
        return selects.map(function (select) { return select.value === "" ? null : Number(select.value); });
      };
    }
  };

  /* ---------------------------------------------------------------- marking */

  function isRight(question, answer, given) {
    switch (question.type) {
      case "short":
        return sameText(given, answer.accept);
      case "date":
        return sameDate(given, answer);
      case "numeric": {
        var value = parseNumber(given, question.unit);
        var target = Number(answer.value);
        var slack = Number(answer.tolerance) + 1e-9 * Math.max(1, Math.abs(target));
        return value !== null && Math.abs(value - target) <= slack;
      }
      case "truefalse":
        return given === answer.right;
      case "choice":
        return given.length === answer.right.length &&
          answer.right.every(function (index) { return given.indexOf(index) >= 0; });
      case "cloze":
        return answer.gaps.every(function (gap, index) { return sameText(given[index], [gap]); });
      case "order":
        return given.every(function (itemIndex, position) { return answer.order[position] === itemIndex; });
      case "match":
        return given.every(function (rightIndex, leftIndex) { return answer.pairs[leftIndex] === rightIndex; });
      default:
        return false;
    }
  }

  function mark(state) {
    var answer = unlock(state.question);
    var given = state.read();
    var right = isRight(state.question, answer, given);
    state.right = right;
    state.form.classList.toggle("qz-right", right);
    state.form.classList.toggle("qz-wrong", !right);
    var result = state.result;
    while (result.firstChild) result.removeChild(result.firstChild);
    var verdict = right ? "\u2713 Right" : blank(given) ? "\u2717 No answer" : "\u2717 Not right";
    result.appendChild(el("strong", { text: verdict }));
    result.appendChild(el("span", { "class": "qz-answer", text: "Answer: " + answer.show }));
    if (answer.explanation) result.appendChild(el("span", { "class": "qz-explanation", text: answer.explanation }));
    if (state.gapInputs) {
      state.gapInputs.forEach(function (input, index) {
        var gapRight = sameText(input.value, [answer.gaps[index]]);
        input.classList.toggle("qz-gap-right", gapRight);
        input.classList.toggle("qz-gap-wrong", !gapRight);
      });
    }
  }

  function blank(given) {
    if (given === null || given === "") return true;
    if (Array.isArray(given)) {
      return given.every(function (part) { return part === null || part === ""; });
    }
    return typeof given === "string" && given.trim() === "";
  }

  function updateScore() {
    var checked = states.filter(function (state) { return state.right !== undefined; });
    var earned = checked.filter(function (state) { return state.right; })
      .reduce(function (sum, state) { return sum + state.points; }, 0);
    var total = states.reduce(function (sum, state) { return sum + state.points; }, 0);
    document.getElementById("qz-score").textContent = "Score: " + earned + " of " + total +
      " points (" + checked.length + " of " + states.length + " questions checked)";
  }

  /* ---------------------------------------------------------------- the page */

  function start() {
    var seed = seedFromAddress();
    var random = generator(hash(seed));
    var main = document.getElementById("qz-main");
    var number = 0;
    DATA.decks.forEach(function (deck) {
      var section = el("section", { "class": "qz-deck" });
      if (DATA.decks.length > 1) section.appendChild(el("h2", { text: deck.title }));
      if (deck.description) section.appendChild(el("p", { "class": "qz-description", text: deck.description }));
      if (deck.source) section.appendChild(el("p", { "class": "qz-source", text: "Source: " + deck.source }));
      shuffled(deck.questions, random).forEach(function (question) {
        number += 1;
        section.appendChild(build(question, number, random));
      });
      main.appendChild(section);
    });
    var link = el("a", { href: "?seed=" + encodeURIComponent(seed), text: "this order" });
    var again = el("a", { href: "?", text: "shuffle again" });
    document.getElementById("qz-seed").appendChild(el("span", {}, [
      "Shuffled with seed " + seed + ": open ", link, " to get the same questions in the same order, or ",
      again, "."]));
    document.getElementById("qz-check-all").addEventListener("click", function () {
      states.forEach(mark);
      updateScore();
    });
    updateScore();
    document.documentElement.setAttribute("data-seed", seed);
  }

  start();
})();
