"""Drive the review analyser in a real headless Chromium, as a person would: click an example,
type a review, press Analyse, read what the page shows.

Used by the app's browser test (tests/chapters/test_review_app.py) and by `make test-image`
(tools/image.py), which drive the same page served by `streamlit run` (`serve_locally`, as
`make app` does) and by the container.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from helpers.errors import CourseError
from tools.browser import Browser

FLAGS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1100")
WAIT_SECONDS = 60


def wait_for_health(port: int, seconds: float = 120) -> float:
    """Seconds until the app at `port` answers its health endpoint (raises after `seconds`)."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise CourseError(f"The app did not answer on port {port} within {seconds:.0f} s")


@contextmanager
def serve_locally(app: Path, model: Path, port: int) -> Iterator[subprocess.Popen]:
    """`streamlit run app` on 127.0.0.1:`port` with the model folder `model`, answering its
    health endpoint; stopped on leaving the block."""
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        env={**os.environ, "REVIEW_MODEL_DIR": str(model)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_health(port)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


@dataclass(frozen=True)
class Answer:
    """What the page shows after Analyse: its text, its warnings, and the highlighted words."""

    text: str
    warnings: list[str]
    words: list[str]


class AppPage:
    """The app open in a headless Chromium; use as a context manager (it quits the browser)."""

    def __init__(self, chrome: Browser, url: str):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        options = webdriver.ChromeOptions()
        options.binary_location = str(chrome.binary)
        for flag in FLAGS:
            options.add_argument(flag)
        self.browser = webdriver.Chrome(service=Service(str(chrome.driver)), options=options)
        self.browser.get(url)
        box = expected_conditions.element_to_be_clickable((By.TAG_NAME, "textarea"))
        self.box = WebDriverWait(self.browser, WAIT_SECONDS).until(box)

    def _button(self, label: str):
        from selenium.webdriver.common.by import By

        return self.browser.find_element(By.XPATH, f"//button[.//p[text()={label!r}]]")

    def _body(self) -> str:
        from selenium.webdriver.common.by import By

        return self.browser.find_element(By.TAG_NAME, "body").text

    def _answer(self, before: str) -> Answer:
        """Wait until the page changed from `before` and Streamlit finished running the script
        (no status widget), then read it."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        seen: list[str] = []

        def answered(browser) -> bool:
            """True once the page differs from `before`, no script runs, and two looks a
            quarter second apart read the same page (a rerun draws its elements one by one)."""
            running = browser.find_elements(By.CSS_SELECTOR, "[data-testid='stStatusWidget']")
            body = self._body()
            settled = not running and body != before and seen[-1:] == [body]
            seen.append(body)
            return settled

        WebDriverWait(self.browser, WAIT_SECONDS, poll_frequency=0.25).until(answered)
        alerts = self.browser.find_elements(By.CSS_SELECTOR, "[data-testid='stAlert']")
        words = self.browser.find_elements(By.CSS_SELECTOR, "span[title]")
        return Answer(
            self._body(),
            [a.text for a in alerts],
            [w.text for w in words],
        )

    def analyse(self, text: str) -> Answer:
        """Replace the text box's content by `text`, press Analyse, read the answer."""
        from selenium.webdriver.common.keys import Keys

        before = self._body()
        self.box.send_keys(Keys.CONTROL, "a")
        self.box.send_keys(Keys.DELETE)
        if text:
            # send_keys types character by character: paste long texts through the page instead
            self.browser.execute_script(
                "const box = arguments[0];"
                "const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;"
                "set.call(box, arguments[1]);"
                "box.dispatchEvent(new Event('input', {bubbles: true}));",
                self.box,
                text,
            )
            self.box.send_keys(" ", Keys.BACKSPACE)
        self._button("Analyse").click()
        return self._answer(before)

    def example(self, first_words: str) -> Answer:
        """Click the example button whose text starts with `first_words`."""
        from selenium.webdriver.common.by import By

        before = self._body()
        self.browser.find_element(
            By.XPATH, f"//button[.//p[starts-with(text(), {first_words!r})]]"
        ).click()
        return self._answer(before)

    def screenshot(self, path: Path) -> None:
        """Save what the page looks like now."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.browser.save_screenshot(str(path))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.browser.quit()
