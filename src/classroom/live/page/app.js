// The phone's page for a session answered in the room. Plain script for
// the phones people have (Chrome 70, Safari 12): no framework, no modules,
// no ?. or ??. Every name and text is set with textContent, never as HTML.
(function () {
  "use strict";
  var query = {};
  location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (i > 0) query[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
  });
  var EN = query.lang === "en";
  var T = EN ? {
    title: "Join the session", pin: "PIN (on the projector)", name: "Your name", team: "Your team's name",
    unit: "Unit", join: "Join", waiting: "You are in. Wait for the first question…",
    people: function (n) { return n + " in the room"; }, question: function (n, t) { return "Question " + n + "/" + t; },
    send: "Send", again: "Start again", sent: "Sent ✓ — wait for the answer", timeUp: "Time is up",
    right: "Right!", partial: "Partly right", wrong: "Not right", none: "No answer",
    points: function (p, s) { return "+" + p + " · " + s + " points in all"; },
    rank: function (r, n) { return "You are number " + r + " of " + n; }, end: "The session is over. Thank you!",
    board: "Scores", reconnect: "Connection lost — reconnecting…", tf: ["True", "False"],
    hints: { single: "Tap one answer.", multi: "Tap every right answer, then Send.", truefalse: "True or false?",
      number: "Type the number, then Send.", blanks: "Fill in each blank, then Send.",
      order: "Tap the letters in the right order.", match: "For each number, tap its letter." },
    reasons: { wrong_pin: "The PIN is not right: look at the projector.", unknown_player: "Join again, please.",
      removed: "The trainer has taken you out of the session.", empty_name: "Type your name.",
      name_too_long: "That name is too long.", full: "The room is full.", not_asking: "Not now: wait for the question.",
      other_question: "That question is over.", time_up: "Time is up for this question.",
      already_answered: "You have answered already.", bad_answer: "That answer could not be read.",
      too_fast: "Too many taps: wait a second.", too_large: "That is too long." }
  } : {
    title: "Vào buổi học", pin: "Mã PIN (trên màn chiếu)", name: "Họ và tên", team: "Tên tổ",
    unit: "Đơn vị", join: "Vào", waiting: "Bạn đã vào. Chờ câu hỏi đầu tiên…",
    people: function (n) { return n + " người đã vào"; }, question: function (n, t) { return "Câu " + n + "/" + t; },
    send: "Gửi", again: "Làm lại", sent: "Đã gửi ✓ — chờ đáp án", timeUp: "Hết giờ",
    right: "Đúng!", partial: "Đúng một phần", wrong: "Chưa đúng", none: "Chưa trả lời",
    points: function (p, s) { return "+" + p + " · tổng " + s + " điểm"; },
    rank: function (r, n) { return "Bạn đứng thứ " + r + "/" + n; }, end: "Buổi học đã kết thúc. Cảm ơn!",
    board: "Bảng điểm", reconnect: "Mất kết nối — đang nối lại…", tf: ["Đúng", "Sai"],
    hints: { single: "Chạm vào một đáp án.", multi: "Chạm vào mọi đáp án đúng, rồi bấm Gửi.", truefalse: "Đúng hay sai?",
      number: "Gõ con số, rồi bấm Gửi.", blanks: "Điền từng chỗ trống, rồi bấm Gửi.",
      order: "Chạm các chữ cái theo đúng thứ tự.", match: "Với mỗi số, chạm chữ cái ghép với nó." },
    reasons: { wrong_pin: "Mã PIN chưa đúng: xem lại trên màn chiếu.", unknown_player: "Xin vào lại.",
      removed: "Báo cáo viên đã mời bạn ra khỏi buổi học.", empty_name: "Xin gõ họ tên.",
      name_too_long: "Tên dài quá.", full: "Phòng đã đủ người.", not_asking: "Chưa đến lúc: chờ câu hỏi.",
      other_question: "Câu hỏi đó đã qua.", time_up: "Câu này đã hết giờ.",
      already_answered: "Bạn đã trả lời câu này rồi.", bad_answer: "Không đọc được câu trả lời.",
      too_fast: "Chạm nhanh quá: chờ một giây.", too_large: "Dài quá." }
  };
  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function show(id) {
    ["join", "wait", "ask", "result"].forEach(function (s) { $(s).hidden = s !== id; });
  }
  function letter(i) { return String.fromCharCode(65 + i); }
  // Thousands grouped as the language writes them: 1.974 / 1,974.
  function points(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, EN ? "," : "."); }
  function button(label, cls, onTap) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = label;
    b.addEventListener("click", onTap);
    return b;
  }

  var pin = query.pin || "";
  var store = window.localStorage;
  var tokenKey = "nghiquyet-token-" + location.host + "-" + pin;
  var token = null;
  try { token = store.getItem(tokenKey); } catch (e) { token = null; }
  var welcome = { ask_unit: false, teams: false };
  var socket = null, state = null, deadline = null, retry = 1000, removed = false;
  var shownKey = "", picked = [], matches = [];

  text("join-title", T.title); text("pin-label", T.pin); text("unit-label", T.unit);
  text("join-button", T.join); text("send", T.send); text("reset", T.again);
  $("pin").value = pin;

  function send(message) {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(message));
  }
  function status(s) { text("status", s || ""); }

  function connect() {
    if (removed) return;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = function () {
      retry = 1000;
      status("");
      if (token) send({ type: "rejoin", pin: pin, token: token });
    };
    socket.onmessage = function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (m.type === "welcome") {
        welcome = m;
        text("name-label", welcome.teams ? T.team : T.name);
        $("unit-box").hidden = !welcome.ask_unit;
        if (!token) { show("join"); }
      } else if (m.type === "joined") {
        token = m.token;
        try { store.setItem(tokenKey, token); } catch (e) { /* private mode: no rejoin */ }
        status("");
        render(m.state);
      } else if (m.type === "state") {
        status("");
        render(m.state);
      } else if (m.type === "refused") {
        var reason = m.reason;
        if (reason === "unknown_player" || reason === "removed") {
          try { store.removeItem(tokenKey); } catch (e) { /* nothing kept */ }
          token = null;
        }
        if (reason === "removed") {
          removed = true;
          show("wait");
          text("wait-text", T.reasons.removed);
          text("wait-more", "");
          socket.close();
          return;
        }
        if (reason === "unknown_player") show("join");
        status(T.reasons[reason] || reason);
      }
    };
    socket.onclose = function () {
      // After the last question the PC stops serving: nothing to rejoin.
      if (removed || (state && state.phase === "end")) return;
      status(T.reconnect);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }

  $("join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    pin = $("pin").value.trim();
    tokenKey = "nghiquyet-token-" + location.host + "-" + pin;
    send({ type: "join", pin: pin, name: $("name").value, unit: $("unit").value });
  });

  function tick() {
    if (!state || state.phase !== "question" || deadline === null) { text("clock", ""); return; }
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    text("clock", left > 0 ? left + " s" : T.timeUp);
    $("clock").className = left <= 5 ? "low" : "";
    var up = left <= 0;
    var buttons = document.querySelectorAll("#ask button");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = up || state.answered;
  }
  setInterval(tick, 250);

  function answer(a) {
    send({ type: "answer", pin: pin, token: token, question: state.number - 1, answer: a });
  }

  function render(s) {
    state = s;
    text("who", s.name);
    text("score", points(s.score) + (EN ? " pts" : " điểm"));
    deadline = s.left_ms === null || s.left_ms === undefined ? null : Date.now() + s.left_ms;
    if (s.phase === "lobby") {
      show("wait");
      text("wait-text", T.waiting);
      text("wait-more", T.people(s.players));
    } else if (s.phase === "question") {
      if (s.answered) {
        show("wait");
        text("wait-text", T.sent);
        text("wait-more", T.question(s.number, s.total));
      } else {
        var key = s.number + "/" + s.kind;
        if (key !== shownKey) { shownKey = key; picked = []; matches = []; }
        show("ask");
        drawQuestion(s);
      }
    } else if (s.phase === "reveal") {
      show("result");
      var v = s.verdict || "none";
      text("verdict", T[v]);
      $("verdict").className = "huge " + (v === "none" ? "" : v);
      text("points", T.points(points(s.points), points(s.score)));
      text("rank", T.rank(s.rank, s.players));
    } else if (s.phase === "board" || s.phase === "end") {
      show("result");
      text("verdict", s.phase === "end" ? T.end : T.board);
      $("verdict").className = "big";
      text("points", points(s.score) + (EN ? " points" : " điểm"));
      text("rank", T.rank(s.rank, s.players));
    }
    tick();
  }

  function drawQuestion(s) {
    text("number", T.question(s.number, s.total));
    var t = s.text;
    text("prompt", t ? t.prompt : "");
    text("hint", T.hints[s.kind] || "");
    var options = $("options"), fields = $("fields");
    options.textContent = ""; fields.textContent = "";
    options.className = t ? "list" : "";
    $("send").hidden = !(s.kind === "multi" || s.kind === "number" || s.kind === "blanks" || s.kind === "order" || s.kind === "match");
    $("reset").hidden = s.kind !== "order";
    text("picked", s.kind === "order" ? picked.map(letter).join(" → ") : "");
    function option(i, label, onTap) {
      var b = button("", "opt c" + (i % 8), onTap);
      var l = document.createElement("span"); l.className = "letter"; l.textContent = letter(i);
      b.appendChild(l);
      if (label) { var x = document.createElement("span"); x.className = "text"; x.textContent = label; b.appendChild(x); }
      b.setAttribute("aria-label", letter(i) + (label ? ". " + label : ""));
      return b;
    }
    var labels = t ? t.options : [];
    if (s.kind === "single") {
      for (var i = 0; i < s.options; i++) (function (i) {
        options.appendChild(option(i, labels[i], function () { answer({ choice: i }); }));
      })(i);
    } else if (s.kind === "truefalse") {
      [0, 1].forEach(function (i) {
        options.appendChild(option(i, T.tf[i], function () { answer({ true_false: i === 0 }); }));
      });
    } else if (s.kind === "multi" || s.kind === "order") {
      for (var j = 0; j < s.options; j++) (function (i) {
        var b = option(i, labels[i], function () {
          var at = picked.indexOf(i);
          if (s.kind === "multi") { if (at >= 0) picked.splice(at, 1); else picked.push(i); }
          else if (at < 0) picked.push(i);
          drawQuestion(s);
        });
        if (picked.indexOf(i) >= 0) b.className += s.kind === "multi" ? " on" : " used";
        options.appendChild(b);
      })(j);
    } else if (s.kind === "match") {
      for (var k = 0; k < s.fields; k++) (function (k) {
        var row = document.createElement("div"); row.className = "match";
        var n = document.createElement("div"); n.className = "n";
        n.textContent = (k + 1) + (t && t.fields[k] ? ". " + t.fields[k] : "");
        row.appendChild(n);
        var letters = document.createElement("div"); letters.className = "letters";
        for (var i = 0; i < s.options; i++) (function (i) {
          var b = button(letter(i), "opt c" + (i % 8) + (matches[k] === i ? " on" : ""), function () {
            matches[k] = i; drawQuestion(s);
          });
          b.setAttribute("aria-label", (k + 1) + " → " + letter(i));
          letters.appendChild(b);
        })(i);
        row.appendChild(letters);
        fields.appendChild(row);
      })(k);
    } else if (s.kind === "number" || s.kind === "blanks") {
      for (var f = 0; f < s.fields; f++) {
        var input = document.createElement("input");
        input.className = "field";
        input.maxLength = 200;
        if (s.kind === "number") input.setAttribute("inputmode", "decimal");
        input.setAttribute("aria-label", s.kind === "number" ? T.hints.number : (f + 1) + "");
        if (s.kind === "blanks") { var lab = document.createElement("label"); lab.textContent = "(" + (f + 1) + ")"; fields.appendChild(lab); }
        fields.appendChild(input);
      }
    }
  }

  $("send").addEventListener("click", function () {
    var s = state;
    if (!s) return;
    if (s.kind === "multi") answer({ choices: picked.slice() });
    else if (s.kind === "order") { if (picked.length === s.options) answer({ order: picked.slice() }); }
    else if (s.kind === "match") {
      var m = [];
      for (var k = 0; k < s.fields; k++) m.push(matches[k] === undefined ? null : matches[k]);
      answer({ matches: m });
    } else {
      var values = [];
      var inputs = document.querySelectorAll("#fields input");
      for (var i = 0; i < inputs.length; i++) values.push(inputs[i].value);
      answer(s.kind === "number" ? { number: values[0] || "" } : { blanks: values });
    }
  });
  $("reset").addEventListener("click", function () { picked = []; drawQuestion(state); });

  show(token ? "wait" : "join");
  text("name-label", T.name);
  connect();
})();
