/*
 * 长者模式 (larger text, higher contrast; 工业和信息化部《互联网网站适老化通用设计规范》). A classic script
 * in <head>: it sets the reader's saved choice before the body is painted, so no page flashes in the
 * other mode, and wires the header's switch once the page is parsed. Without JavaScript the switch
 * is not shown and the browser's own zoom remains.
 */
(function () {
  var KEY = 'white-paper-elder-mode';
  var root = document.documentElement;
  var on = false;
  try {
    on = localStorage.getItem(KEY) === 'on';
  } catch {
    // Storage blocked (private mode, settings): the switch still works for this page.
  }
  root.classList.toggle('elder', on);
  // The switch shows only where it works (CSS), decided now rather than when the page is parsed: a switch
  // appearing after the first paint would push the page down.
  root.classList.add('elder-switchable');
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('elder-mode');
    if (!button) return;
    button.setAttribute('aria-pressed', String(on));
    button.addEventListener('click', function () {
      on = !on;
      root.classList.toggle('elder', on);
      button.setAttribute('aria-pressed', String(on));
      try {
        localStorage.setItem(KEY, on ? 'on' : 'off');
      } catch {
        // as above
      }
    });
  });
})();
