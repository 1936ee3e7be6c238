"""The review analyser chapter 11 writes, used as a person would: Streamlit's AppTest on the
committed tiny analyser folder, then a real headless Chromium."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from helpers.checkpoints import REVIEW_ANALYSER, checkpoint
from helpers.paths import REPO_ROOT, free_port, run_dir
from tools.browser import find as find_browser
from tools.browser import install_line
from tools.export_script import WRITTEN, written_files
from tools.image import NEEDED

FOLDER = REPO_ROOT / "apps" / "review_analyser"
APP = FOLDER / "app.py"
MODEL = Path(checkpoint(REVIEW_ANALYSER, "tiny"))
ORIGINAL_ENV = dict(os.environ)  # before any test here imports streamlit
# The standard library's modules it uses, and the packages its image installs.
PUBLIC = {"html", "json", "os", "pathlib", *NEEDED}
pytestmark = pytest.mark.xdist_group("review_app")


@pytest.fixture(autouse=True)
def keep_matplotlib_backend():
    """Importing streamlit sets MPLBACKEND=Agg for the whole process: the notebook kernels this
    pytest worker starts later would inherit it and show no figures (nbval would then fail)."""
    before = os.environ.get("MPLBACKEND")
    yield
    if before is None:
        os.environ.pop("MPLBACKEND", None)
    else:
        os.environ["MPLBACKEND"] = before


@pytest.fixture
def app(monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("REVIEW_MODEL_DIR", str(MODEL))
    return AppTest.from_file(str(APP), default_timeout=60).run()


def shown(app) -> str:
    """Every markdown text on the page, joined."""
    return "\n".join(m.value for m in app.markdown)


def ask(app, text: str):
    """Type `text` and press Analyse."""
    app.text_area(key="review").input(text).run()
    return app.button(key="analyse").click().run()


def test_the_app_is_what_chapter_11_writes_and_imports_public_packages_only():
    for name, text in written_files(WRITTEN[FOLDER]).items():
        assert (FOLDER / name).read_text(encoding="utf-8") == text, (
            f"apps/review_analyser/{name} is stale or edited by hand: run `make scripts`"
        )
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.Import)
        for alias in n.names
    }
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported <= PUBLIC, f"the app imports {sorted(imported - PUBLIC)}"


def test_a_typed_review_shows_its_keywords_their_sentiment_and_the_words(app):
    ask(app, "배송이 정말 빨라서 좋았어요.")
    assert not app.exception and not app.warning
    assert "**배송** (delivery): **" in shown(app)  # a level follows, in Korean and English
    assert "p = " in shown(app)
    assert "빨라서" in "".join(h.proto.body for h in app.get("html"))


def test_an_example_click_fills_the_box_and_analyses_it(app):
    app.button(key="example-1").click().run()
    assert app.text_area(key="review").value.startswith("사이즈가 너무 작아요")
    assert "**사이즈**" in shown(app) and not app.exception


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("가" * 10_000, "10,000 characters"),
        ("great quality, fast delivery", "no Korean letter"),
        ("😀👍🔥", "no Korean letter"),
    ],
    ids=["empty", "blank", "10000-chars", "english", "emoji"],
)
def test_bad_input_gets_a_clear_message_and_no_analysis(app, text, says):
    ask(app, text)
    assert not app.exception and not app.get("html")
    assert len(app.warning) == 1 and says in app.warning[0].value


def test_markup_in_a_review_is_shown_as_text(app):
    ask(app, "<b>배송</b>이 빨라요 <script>alert(1)</script> <img src=x onerror=alert(1)>")
    html = "".join(h.proto.body for h in app.get("html"))
    assert "&lt;script&gt;" in html and "<script>" not in html and "<img" not in html


def test_twenty_requests_in_a_row_after_bad_ones_still_answer(app):
    for i in range(20):
        ask(app, "" if i % 2 else f"포장이 꼼꼼해요 {i}")
        assert not app.exception
    ask(app, "배송이 빨라요")
    assert "**배송**" in shown(app)


def test_a_missing_model_folder_is_named(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("REVIEW_MODEL_DIR", str(tmp_path / "nowhere"))
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert app.error and "nowhere" in app.error[0].value and not app.exception


@pytest.mark.end_to_end
def test_a_person_in_a_real_browser_types_a_review_and_reads_the_result():
    from tools.drive_app import AppPage, serve_locally

    chrome = find_browser()
    assert chrome, f"No Chromium and chromedriver: `make test` installs them, or {install_line()}"
    port = free_port()
    with serve_locally(APP, MODEL, port), AppPage(chrome, f"http://127.0.0.1:{port}/") as page:
        answer = page.analyse("배송이 정말 빨라서 좋았어요. 색상도 예뻐요!")
        page.screenshot(run_dir("app") / "review_app.png")
    assert "배송 (delivery)" in answer.text
    assert "빨라서" in answer.words  # the review's words, coloured by their drop


def test_the_app_tests_leave_no_matplotlib_backend_behind():
    """Runs after the tests above in this module (pytest keeps file order)."""
    import streamlit  # noqa: F401 - imported by the tests above too

    assert os.environ.get("MPLBACKEND") != "Agg" or "MPLBACKEND" in ORIGINAL_ENV
