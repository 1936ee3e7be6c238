"""The review app, used as a person would: Streamlit's AppTest, then a real headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers.chapters.ch09_models import MAX_REVIEW_CHARS, review_problem
from helpers.paths import REPO_ROOT, free_port, run_dir
from tools.browser import find as find_browser
from tools.browser import install_line

APP = REPO_ROOT / "apps" / "review_app.py"
ORIGINAL_ENV = dict(os.environ)  # before any test here imports streamlit
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

    monkeypatch.setenv("COURSE_MODE", "tiny")
    return AppTest.from_file(str(APP), default_timeout=60).run()


def shown(app) -> str:
    """Every markdown text on the page, joined."""
    return "\n".join(m.value for m in app.markdown)


def test_a_typed_review_shows_its_keywords_and_their_sentiment(app):
    app.text_area(key="review").input("배송이 정말 빨라서 좋았어요.").run()
    app.button(key="analyse").click().run()
    assert not app.exception and not app.warning
    assert "**배송** (delivery): **" in shown(app)  # a level follows, in Korean and English
    assert "p = " in shown(app)


def test_an_example_click_fills_the_box_and_analyses_it(app):
    app.button(key="example-1").click().run()
    assert app.text_area(key="review").value.startswith("사이즈가 너무 작아요")
    assert "**사이즈**" in shown(app) and not app.exception


@pytest.mark.parametrize("text", ["", "   ", "가" * 5000], ids=["empty", "blank", "5000-chars"])
def test_an_empty_or_overlong_review_gets_a_clear_message(app, text):
    app.text_area(key="review").input(text).run()
    app.button(key="analyse").click().run()
    assert not app.exception
    assert [w.value for w in app.warning] == [review_problem(text)]
    assert "empty" in review_problem(" ") and f"{MAX_REVIEW_CHARS:,}" in review_problem("가" * 5000)


def test_full_mode_without_chapter_09_run_shows_what_to_do(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("COURSE_MODE", "full")
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not app.exception and "09_custom_data" in app.error[0].value


def wait_for(url: str, seconds: float = 60) -> None:
    """Wait until `url` answers 200, or fail."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"The app did not answer at {url} within {seconds} s.")


@pytest.mark.end_to_end
def test_a_person_in_a_real_browser_types_a_review_and_reads_the_result():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    chrome = find_browser()
    assert chrome, f"No Chromium and chromedriver: `make test` installs them, or {install_line()}"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        env={**os.environ, "COURSE_MODE": "tiny"}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    options = webdriver.ChromeOptions()
    options.binary_location = str(chrome.binary)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1000,1100",
    ):
        options.add_argument(flag)
    browser = None
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health")
        browser = webdriver.Chrome(service=Service(str(chrome.driver)), options=options)
        browser.get(f"http://127.0.0.1:{port}/")
        wait = WebDriverWait(browser, 60)
        box = wait.until(ready.element_to_be_clickable((By.TAG_NAME, "textarea")))
        box.send_keys("배송이 정말 빨라서 좋았어요. 색상도 예뻐요!")
        button = browser.find_element(By.XPATH, "//button[.//p[text()='Analyse']]")
        button.click()
        wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), "p = "))
        words = wait.until(ready.presence_of_all_elements_located((By.CSS_SELECTOR, "span[title]")))
        page = browser.find_element(By.TAG_NAME, "body").text
        assert "배송 (delivery)" in page
        assert "빨라서" in {w.text for w in words}  # the review's words, coloured by their drop
        browser.save_screenshot(str(run_dir("app") / "review_app.png"))
    finally:
        if browser is not None:
            browser.quit()
        server.terminate()
        server.wait(timeout=30)


def test_the_app_tests_leave_no_matplotlib_backend_behind():
    """Runs after the tests above in this module (pytest keeps file order)."""
    import streamlit  # noqa: F401 - imported by the tests above too

    assert os.environ.get("MPLBACKEND") != "Agg" or "MPLBACKEND" in ORIGINAL_ENV
