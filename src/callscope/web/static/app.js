// The one script: the Q&A navigator marks the exchange being read, the last one whose
// question starts above the upper third of the window.
(() => {
  const links = [...document.querySelectorAll("#exchanges a[href^='#turn-']")];
  const turns = links.map((a) => document.getElementById(a.getAttribute("href").slice(1)));
  if (!links.length) return;
  let pending = false;
  const mark = () => {
    pending = false;
    const line = window.innerHeight / 3;
    let current = -1;
    turns.forEach((turn, i) => { if (turn && turn.getBoundingClientRect().top <= line) current = i; });
    links.forEach((a, i) => {
      if (i === current) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  };
  const later = () => { if (!pending) { pending = true; requestAnimationFrame(mark); } };
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("hashchange", later);
  mark();
})();
