"""End to end in headless Chromium: open the page, filter by an actor, open an event's article."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromedriver: apt-get install -y chromium chromium-driver",
    ),
]


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1440,1250", f"--user-data-dir={tmp_path / 'profile'}"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, condition: Any, what: str, timeout: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition, message=f"timed out waiting for {what}")


def _loaded(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.loaded || 0)"))


def _dyad_cells(driver: Any) -> list[str]:
    from selenium.webdriver.common.by import By

    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#event-table tbody td.dyad")]


def test_page_filter_actor_and_open_article(live_server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/")
    _wait(browser, lambda d: _loaded(d) >= 1 and _dyad_cells(d), "the first page of events")
    assert len(_dyad_cells(browser)) == 48
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#network canvas"), "the network")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive, #map svg path"),
          "the map's country shapes")  # fmt: skip

    actor = browser.find_element(By.ID, "f-actor")
    actor.clear()
    actor.send_keys("KAZ")
    browser.find_element(By.ID, "apply").click()
    _wait(browser, lambda d: _loaded(d) >= 2, "the filtered page")
    cells = _dyad_cells(browser)
    assert cells and all("KAZ" in cell for cell in cells), cells
    assert "20 events" in browser.find_element(By.ID, "count").text

    row = browser.find_element(
        By.CSS_SELECTOR, "#event-table tbody tr.event-row[data-article-id='astana-summit']"
    )
    row.click()
    _wait(
        browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#article-text mark.event.current"), "the article"
    )
    actors = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#article-text mark.actor")}
    assert {"Xi Jinping", "Kassym-Jomart Tokayev"} <= actors
    assert browser.find_element(By.ID, "article-title").text == "Leaders meet in Astana"

    _assert_nothing_external(browser, live_server)
    _save_screenshot(browser, tmp_path / "page.png")


def _assert_nothing_external(driver: Any, base: str) -> None:
    """Every resource came from this server, and the console shows no errors."""
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(url.startswith(base) for url in urls), [u for u in urls if not u.startswith(base)]
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe


def _save_screenshot(driver: Any, path: Path) -> None:
    driver.set_window_size(1440, 1800)  # tall enough for the map and the dyad chart
    _wait(driver, lambda d: "↔" in d.find_element("id", "dyad-title").text, "the dyad chart")
    driver.execute_script("window.scrollTo(0, 0)")
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    if os.environ.get("DIPLOGRAPH_SCREENSHOT"):
        target = REPO / "docs" / "screenshot.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, target)
