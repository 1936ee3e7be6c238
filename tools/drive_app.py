"""Drive the review analyser in a real headless Chromium, as a person would: click an example,
type a review, press Analyse, read what the page shows.

Used by the app's browser test (tests/chapters/test_review_app.py) and by `make test-image`
(tools/image.py), which drive the same page served by Streamlit and by the container.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Self

from tools.browser import Browser

FLAGS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1100")
WAIT_SECONDS = 60


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

        options = webdriver.ChromeOptions()
        options.binary_location = str(chrome.binary)
        for flag in FLAGS:
            options.add_argument(flag)
        self.browser = webdriver.Chrome(service=Service(str(chrome.driver)), options=options)
        self.browser.get(url)
        self.box = self._wait().until(self._ready.element_to_be_clickable(self._by("textarea")))

    @property
    def _ready(self):
        from selenium.webdriver.support import expected_conditions

        return expected_conditions

    def _by(self, tag: str):
        from selenium.webdriver.common.by import By

        return (By.TAG_NAME, tag)

    def _wait(self):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.browser, WAIT_SECONDS)

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
            self.browser.find_element(By.TAG_NAME, "body").text,
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
