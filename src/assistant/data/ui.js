// Clicking [n] in an answer opens that source's passage and scrolls to its quoted words (a long passage's top
// would otherwise fill the chat's fixed height and leave the highlight below it).
document.addEventListener("click", function (event) {
  const link = event.target.closest ? event.target.closest("a.cite") : null;
  if (!link) return;
  event.preventDefault();
  const target = document.getElementById(link.dataset.cite);
  if (!target) return;
  target.open = true;
  target.classList.add("flash");
  const quoted = target.querySelector("blockquote.passage mark");
  (quoted || target).scrollIntoView({ behavior: "smooth", block: "center" });
  setTimeout(function () { target.classList.remove("flash"); }, 1500);
});

// Gradio labels each chat message for screen readers with its raw content; an answer is HTML, so its label
// is rebuilt from the text a reader sees.
let labelsQueued = false;
function cleanMessageLabels() {
  labelsQueued = false;
  showDropHint();
  followLanguage();
  document.querySelectorAll("[aria-label*=\"'s message: \"]").forEach(function (element) {
    const label = element.getAttribute("aria-label");
    if (label.indexOf("<") === -1) return;
    const prefix = label.slice(0, label.indexOf("'s message: ") + "'s message: ".length);
    element.setAttribute("aria-label", prefix + element.innerText.replace(/\s+/g, " ").trim());
  });
}
new MutationObserver(function () {
  if (labelsQueued) return;
  labelsQueued = true;
  requestAnimationFrame(cleanMessageLabels);
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });

// The upload box's text in the interface language (#drop-hint, hidden, holds it); Gradio's own stays underneath.
function showDropHint() {
  const hint = document.querySelector("#drop-hint span");
  const box = document.querySelector('#upload [data-testid="upload-text"]');
  if (!hint || !box) return;
  let shown = box.querySelector(".drop-text");
  if (shown && shown.textContent === hint.textContent && shown.dir === hint.dir) return;
  if (!shown) {
    shown = document.createElement("span");
    shown.className = "drop-text";
    box.appendChild(shown);
  }
  shown.textContent = hint.textContent;
  shown.lang = hint.lang;
  shown.dir = hint.dir;
  const button = box.closest("button");
  if (button) button.setAttribute("aria-label", hint.textContent);
}

// The page takes the interface language's direction and language (#drop-hint carries both), so that in Arabic or
// Persian the whole layout (tabs, menus, the chat) reads right to left, and a screen reader speaks the right language.
function followLanguage() {
  const hint = document.querySelector("#drop-hint span");
  if (!hint) return;
  const root = document.documentElement;
  const dir = hint.dir || "ltr";
  if (root.dir !== dir) root.dir = dir;
  if (hint.lang && root.lang !== hint.lang) root.lang = hint.lang;
}
