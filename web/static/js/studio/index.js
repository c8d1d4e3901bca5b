// The studio's list page: start a story from an article, a file, or nothing.
import { api, showProblems } from "./http.js";

const status = document.getElementById("new-status");
const problems = document.getElementById("new-problems");

async function start(request) {
  status.textContent = "Working… (drafting an article takes a few seconds)";
  problems.replaceChildren();
  const { status: code, data } = await api("/api/studio/stories", { method: "POST", ...request });
  if (code === 201) {
    status.textContent = `Created revision ${data.revision}. Opening…`;
    window.location.assign(`/studio/stories/${data.id}`);
  } else {
    status.textContent = data.error || `Failed (${code})`;
    showProblems(problems, data);
  }
}

document.getElementById("new-article").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = e.target;
  start({ json: { article: f.article.value, published: f.published.value } });
});
document.getElementById("new-file").addEventListener("submit", (e) => {
  e.preventDefault();
  start({ form: new FormData(e.target) });
});
document.getElementById("new-blank").addEventListener("submit", (e) => {
  e.preventDefault();
  start({ json: { title: e.target.title.value } });
});
