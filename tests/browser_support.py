"""Real headless Chromium for the page tests: Debian's ``chromium`` driven by Selenium and ``chromium-driver``.

No browser is downloaded: Selenium is given the system's chromedriver and
browser paths, and the tests fail (not skip) when they are missing, since a
page nobody opened is not checked.  ``.ci/run`` installs both with apt-get.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver",)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000", "--hide-scrollbars")


def _find(names: tuple[str, ...], what: str) -> str:
    for name in names:
        if Path(name).exists():
            return name
    found = shutil.which(Path(names[0]).name)
    if found:
        return found
    raise RuntimeError(f"{what} not found ({', '.join(names)}): install it with "
                       "`apt-get install -y chromium chromium-driver` (.ci/run does)")


def start_browser():
    """A new headless Chromium with its own empty profile, logging network and console events."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _find(CHROMIUM, "Chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="factx-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_find(CHROMEDRIVER, "chromedriver")), options=options)
    driver.set_page_load_timeout(300)
    driver.set_script_timeout(120)
    driver.factx_profile = profile
    return driver


def stop_browser(driver) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(driver.factx_profile, ignore_errors=True)


def requests(driver) -> list[tuple[str, str]]:
    """(URL, URL of the document that asked) of every request since the last call, from the DevTools log."""
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            out.append((params["request"]["url"], params.get("documentURL", "")))
    return out


def screenshot(driver, path: Path) -> Path:
    """A PNG of the window as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not driver.save_screenshot(str(path)):
        raise RuntimeError(f"screenshot {path} failed")
    return path


def print_pdf(page: str, pdf: Path, *flags: str) -> Path:
    """``page`` (HTML) printed to ``pdf`` by headless Chromium, as a user's "Save as PDF" makes it: with the
    browser's header (date, title) and footer (file address, page number) unless ``--no-pdf-header-footer``."""
    import subprocess

    source = pdf.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    subprocess.run([_find(CHROMIUM, "Chromium"), "--headless", "--no-sandbox", "--disable-gpu", *flags,
                    f"--print-to-pdf={pdf}", source.resolve().as_uri()], check=True, capture_output=True, timeout=120)
    if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF-"):
        raise RuntimeError(f"Chromium printed no PDF to {pdf}")
    return pdf
