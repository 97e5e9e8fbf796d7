"""Save docs/screenshot.png: the web page over a real database (default: ./diplograph.db).

Usage: python tools/screenshot.py [DB] [--actor CHN]
Needs Debian's chromium and chromedriver (scripts/services.sh installs them).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from diplograph.api.app import create_app
from diplograph.config import Settings

REPO = Path(__file__).resolve().parents[1]


def serve(db: str) -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db)), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", nargs="?", default="diplograph.db")
    parser.add_argument("--actor", default="CHN")
    args = parser.parse_args()
    base = serve(args.db)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1440,1800", f"--user-data-dir={tempfile.mkdtemp()}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    wait = WebDriverWait(driver, 30)
    try:
        driver.get(f"{base}/?{urlencode({'actor': args.actor})}")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#event-table tbody tr.event-row"))
        driver.find_elements(By.CSS_SELECTOR, "#event-table tbody tr.event-row")[0].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#article-text mark.event.current"))
        time.sleep(2)  # let the charts and the network settle
        target = REPO / "docs" / "screenshot.png"
        driver.save_screenshot(str(target))
        print(f"saved {target}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
