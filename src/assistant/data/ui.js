// Clicking [n] in an answer opens that source's passage and scrolls to it.
document.addEventListener("click", function (event) {
  const link = event.target.closest ? event.target.closest("a.cite") : null;
  if (!link) return;
  event.preventDefault();
  const target = document.getElementById(link.dataset.cite);
  if (!target) return;
  target.open = true;
  target.classList.add("flash");
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  setTimeout(function () { target.classList.remove("flash"); }, 1500);
});
