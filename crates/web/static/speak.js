// "Read aloud" on her own page: the browser's speech synthesis reads the
// page's text in the page's language. Without speech synthesis the button
// stays hidden; nothing is sent anywhere.
(function () {
  "use strict";
  if (!("speechSynthesis" in window)) return;
  document.addEventListener("DOMContentLoaded", function () {
    var lang = document.documentElement.lang;
    document.querySelectorAll(".own-speak").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.speechSynthesis.cancel();
        var main = document.getElementById("main");
        var text = Array.prototype.map
          .call(main.querySelectorAll("h1, h2, p, legend, li a, button[name=reason], button[name=value], label.own-option"), function (el) {
            return el.textContent.replace(/\p{Extended_Pictographic}/gu, "").trim();
          })
          .filter(function (t) { return t.length > 0; })
          .join(". ");
        var say = new SpeechSynthesisUtterance(text);
        say.lang = lang;
        window.speechSynthesis.speak(say);
      });
    });
  });
})();
