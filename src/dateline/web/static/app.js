// Dateline pages: small progressive enhancements, the pages work without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Article page: show or hide one kind of highlight.
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => {
      document.body.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  }

  // Event page: scroll each source's text to its first piece of evidence.
  for (const text of document.querySelectorAll("[data-scroll-to]")) {
    const first = text.querySelector(text.dataset.scrollTo);
    if (first) {
      text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 40);
    }
  }

  // Timeline: hovering a mark or a row lights up its partner.
  const pairs = (id) => document.querySelectorAll(
    `[data-event="${CSS.escape(id)}"], #row-${CSS.escape(id)}`);
  for (const item of document.querySelectorAll(".mark-link, tr[id^='row-']")) {
    const id = item.dataset.event || item.id.slice(4);
    item.addEventListener("mouseenter", () => pairs(id).forEach((el) => el.classList.add("lit")));
    item.addEventListener("mouseleave", () => pairs(id).forEach((el) => el.classList.remove("lit")));
  }

  // A jump to an annotation (#ev-..., #q-...) flashes it so the eye finds it.
  const flash = () => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.classList.remove("flash");
      void target.offsetWidth;  // restart the animation
      target.classList.add("flash");
    }
  };
  window.addEventListener("hashchange", flash);
  flash();
});
