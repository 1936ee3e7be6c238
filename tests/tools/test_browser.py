"""`make system-packages` (tools.browser): finds the review app's browser, or says how to get it."""

from pathlib import Path

from tools import browser


def fake_which(found: dict[str, Path]):
    """A `shutil.which` that knows only the programs in `found`."""
    return lambda name: str(found[name]) if name in found else None


def test_a_browser_and_driver_on_path_are_found(tmp_path):
    chromium, driver = tmp_path / "chromium", tmp_path / "chromedriver"
    chromium.touch()
    driver.touch()
    which = fake_which({"chromium": chromium, "chromedriver": driver})
    assert browser.find(env={}, which=which) == browser.Browser(chromium, driver)


def test_chrome_counts_when_chromium_is_absent(tmp_path):
    chrome, driver = tmp_path / "google-chrome", tmp_path / "chromedriver"
    chrome.touch()
    driver.touch()
    which = fake_which({"google-chrome": chrome, "chromedriver": driver})
    assert browser.find(env={}, which=which).binary == chrome


def test_a_browser_without_its_driver_is_not_enough(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.touch()
    assert browser.find(env={}, which=fake_which({"chromium": chromium})) is None


def test_the_environment_names_a_browser_elsewhere(tmp_path):
    chromium, driver = tmp_path / "my-chrome", tmp_path / "my-driver"
    chromium.touch()
    driver.touch()
    env = {"CHROMIUM": str(chromium), "CHROMEDRIVER": str(driver)}
    assert browser.find(env=env, which=fake_which({})) == browser.Browser(chromium, driver)


def test_a_named_path_that_does_not_exist_is_not_found(tmp_path):
    env = {"CHROMIUM": str(tmp_path / "none"), "CHROMEDRIVER": str(tmp_path / "none")}
    assert browser.find(env=env, which=fake_which({})) is None


def test_each_system_gets_its_own_install_line():
    brew = fake_which({"brew": Path("/opt/homebrew/bin/brew")})
    assert browser.install_line(brew, "Darwin") == "brew install --cask chromium chromedriver"
    assert "https://brew.sh" in browser.install_line(fake_which({}), "Darwin")
    dnf = fake_which({"dnf": Path("/usr/bin/dnf")})
    assert browser.install_line(dnf, "Linux").startswith("sudo dnf install")
    assert "CHROMIUM=" in browser.install_line(fake_which({}), "Linux")


def test_apt_get_is_used_only_where_it_exists():
    assert browser.debian_install(fake_which({})) is None
    commands = browser.debian_install(fake_which({"apt-get": Path("/usr/bin/apt-get")}))
    install = commands[-1]
    assert install[install.index("install") :][-3:] == list(browser.DEBIAN_PACKAGES)
    assert any(c[c.index("apt-get") + 1] == "update" for c in commands)


def test_without_a_browser_or_apt_get_it_stops_with_the_line_to_run(monkeypatch, capsys):
    monkeypatch.setattr(browser, "find", lambda: None)
    monkeypatch.setattr(browser, "debian_install", lambda: None)
    monkeypatch.setattr(
        browser, "install_line", lambda: "brew install --cask chromium chromedriver"
    )
    assert browser.main() == 1
    assert "brew install --cask chromium chromedriver" in capsys.readouterr().err


def test_a_found_browser_is_used_as_it_is(monkeypatch, capsys, tmp_path):
    found = browser.Browser(tmp_path / "chromium", tmp_path / "chromedriver")
    monkeypatch.setattr(browser, "find", lambda: found)
    monkeypatch.setattr(browser, "debian_install", lambda: None)
    assert browser.main() == 0
    assert str(found.binary) in capsys.readouterr().out
