"""The whole path of issue 12 in a real browser (Debian's Chromium through chromium-driver and
selenium): a unit logs in, changes its initial password, downloads its form, uploads a file with
an error, reads the located error in the page, uploads the fixed file and sends it officially;
Sở Nội vụ logs in, sees the unit on time on the board, accepts it, previews the draft and
downloads the DOCX. Every page is saved as a screenshot in SCREEN_DIR (default out/web-screens).
"""

import os
import shutil
import tempfile
import time
import unittest
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from server import ROOT, Server, create_accounts

SCREENS = os.environ.get("SCREEN_DIR", os.path.join(ROOT, "out", "web-screens"))
EXAMPLE = os.path.join(ROOT, "examples", "thanh-hoa-2020", "so-tu-phap.yaml")


def browser(downloads, width=1280, height=900):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--lang=vi", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def wait_for_file(folder, name, seconds=30):
    path = os.path.join(folder, name)
    deadline = time.time() + seconds
    while time.time() < deadline:
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            return path
        time.sleep(0.2)
    raise AssertionError(f"không tải được {name}; có: {os.listdir(folder)}")


class BrowserTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="tongket-web-browser-")
        self.downloads = os.path.join(self.work, "tai-ve")
        os.makedirs(self.downloads)
        os.makedirs(SCREENS, exist_ok=True)
        self.server = Server(os.path.join(self.work, "du-lieu")).start()
        self.accounts = create_accounts(self.server.data, api_ready=False)
        self.driver = browser(self.downloads)
        self.shot = 0

    def tearDown(self):
        self.driver.quit()
        self.server.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def screenshot(self, name):
        self.shot += 1
        self.driver.save_screenshot(os.path.join(SCREENS, f"{self.shot:02d}-{name}.png"))

    def open(self, path):
        self.driver.get(self.server.url + path)

    def posting(self, action):
        """Runs `action`, which sends a form, and returns once the answer has replaced the page:
        selenium's submit() is a script that returns before the navigation it starts, and a
        password change hashes with bcrypt, so the old page is still there for a while."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        action()
        WebDriverWait(self.driver, 60).until(expected_conditions.staleness_of(old))
        WebDriverWait(self.driver, 60).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")

    def submit_form(self, fields, button=None):
        for name, value in fields.items():
            element = self.driver.find_element(By.NAME, name)
            element.clear()
            element.send_keys(value)
        if button:
            self.posting(lambda: self.driver.find_element(By.CSS_SELECTOR, button).click())
        else:
            self.posting(lambda: self.driver.find_element(By.NAME, next(iter(fields))).submit())

    def click_and_wait(self, selector):
        self.posting(lambda: self.driver.find_element(By.CSS_SELECTOR, selector).click())

    def log_in(self, login, password, new_password):
        self.open("/dang-nhap")
        self.screenshot(f"dang-nhap-{login}")
        self.submit_form({"ten_dang_nhap": login, "mat_khau": password})
        self.assertIn("/doi-mat-khau", self.driver.current_url, "mật khẩu ban đầu phải được đổi trước tiên")
        self.screenshot(f"doi-mat-khau-{login}")
        self.submit_form({"mat_khau_cu": password, "mat_khau_moi": new_password, "nhap_lai": new_password})
        self.assertNotIn("/doi-mat-khau", self.driver.current_url,
                         self.driver.find_element(By.TAG_NAME, "main").text)

    def upload(self, path):
        field = self.driver.find_element(By.CSS_SELECTOR, "input[type=file][name=tep]")
        field.send_keys(path)
        self.posting(field.submit)

    def test_unit_sends_and_province_accepts(self):
        unit = "so-tu-phap"
        account = self.accounts[unit]
        self.log_in(unit, account["mat_khau_ban_dau"], "Mat-khau-moi-2020!")
        self.assertTrue(self.driver.current_url.endswith(f"/don-vi/{unit}"), self.driver.current_url)
        self.assertIn("chưa gửi", self.driver.find_element(By.ID, "trang-thai").text.lower())
        self.screenshot("don-vi-chua-gui")

        # The unit's YAML form, downloaded through the page's own link.
        self.driver.find_element(By.CSS_SELECTOR, f"a[href$='/mau/{unit}.yaml']").click()
        skeleton = wait_for_file(self.downloads, f"{unit}.yaml")
        with open(skeleton, encoding="utf-8") as handle:
            self.assertIn(f"don_vi: {unit}", handle.read())

        # A file with an impossible date: the error is shown in the page with its line and column.
        with open(EXAMPLE, encoding="utf-8") as handle:
            good = handle.read()
        self.assertIn('ngay: "24/04/2020"', good)
        broken = os.path.join(self.work, f"{unit}.yaml")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write(good.replace('ngay: "24/04/2020"', 'ngay: "31/02/2020"'))
        line = good[: good.index('ngay: "24/04/2020"')].count("\n") + 1
        self.upload(broken)
        table = self.driver.find_element(By.ID, "ket-qua-kiem-tra")
        self.assertIn(f"{unit}.yaml", table.text)
        self.assertIn(f"{line}:", table.text, f"lỗi phải chỉ dòng {line}")
        self.assertIn("31/02/2020", table.text)
        self.assertEqual([], self.driver.find_elements(By.ID, "gui-chinh-thuc"), "tệp có lỗi không được gửi")
        self.screenshot("don-vi-tep-loi")

        # The fixed file, then "Gửi chính thức".
        self.open(f"/don-vi/{unit}")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write(good)
        self.upload(broken)
        self.screenshot("don-vi-tep-hop-le")
        self.click_and_wait("#gui-chinh-thuc")
        self.open(f"/don-vi/{unit}")
        self.assertIn("đã gửi", self.driver.find_element(By.ID, "trang-thai").text.lower())
        self.screenshot("don-vi-da-gui")
        self.click_and_wait("form[action='/dang-xuat'] button")

        # Sở Nội vụ: the board shows the unit on time; accept it; the draft; its DOCX.
        self.log_in("quan-tri", self.server.admin_password, "Quan-tri-moi-2020!")
        self.open("/tong-hop")
        row = self.driver.find_element(By.CSS_SELECTOR, f"tr[data-don-vi='{unit}']")
        self.assertIn("đã gửi", row.text.lower())
        self.assertIn("đúng hạn", row.text.lower())
        self.screenshot("so-noi-vu-bang-tong-hop")
        self.open(f"/don-vi/{unit}")
        self.screenshot("so-noi-vu-xem-don-vi")
        self.click_and_wait(f"form[action='/don-vi/{unit}/chap-nhan'] button")
        self.open("/tong-hop")
        row = self.driver.find_element(By.CSS_SELECTOR, f"tr[data-don-vi='{unit}']")
        self.assertIn("đã chấp nhận", row.text.lower())
        self.open("/du-thao")
        self.assertIn("Sở Tư pháp", self.driver.page_source)
        self.screenshot("so-noi-vu-du-thao")
        self.driver.find_element(By.CSS_SELECTOR, "a[href^='/du-thao.docx']").click()
        names = []
        deadline = time.time() + 30
        while time.time() < deadline and not names:
            names = [n for n in os.listdir(self.downloads) if n.endswith(".docx")]
            time.sleep(0.2)
        self.assertEqual(1, len(names), os.listdir(self.downloads))
        with zipfile.ZipFile(os.path.join(self.downloads, names[0])) as docx:
            self.assertIn("word/document.xml", docx.namelist())

        # Nothing the server printed or logged holds a password typed in the pages: only the
        # administrator's one-time password, printed once at first start by design.
        output = "".join(self.server.output)
        for secret in (account["mat_khau_ban_dau"], "Mat-khau-moi-2020!", "Quan-tri-moi-2020!"):
            self.assertNotIn(secret, output)
        self.assertEqual(1, output.count(self.server.admin_password))

    def test_a_file_dropped_on_the_form_is_uploaded(self):
        """Drag and drop: a drop event carrying a file, as the browser makes it when a file is
        dragged from the desktop, fills the form's file field; the form then sends it."""
        unit = "so-tu-phap"
        self.log_in(unit, self.accounts[unit]["mat_khau_ban_dau"], "Mat-khau-moi-2020!")
        form = self.driver.find_element(By.CSS_SELECTOR, "form.nop-tep")
        self.assertIn("keo-tha", form.get_attribute("class"), "the script marks the form as a drop zone")
        with open(EXAMPLE, encoding="utf-8") as handle:
            text = handle.read()
        self.driver.execute_script(
            """
            const form = document.querySelector("form.nop-tep");
            const transfer = new DataTransfer();
            transfer.items.add(new File([arguments[0]], arguments[1], {type: "application/yaml"}));
            form.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
            form.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
            """, text, f"{unit}.yaml")
        count = self.driver.execute_script("return document.querySelector('input[name=tep]').files.length")
        self.assertEqual(1, count)
        self.posting(lambda: form.submit())
        self.assertTrue(self.driver.find_elements(By.ID, "hop-le"), self.driver.find_element(By.TAG_NAME, "main").text)
        self.assertIn(f"{unit}.yaml", self.driver.page_source)

    def test_pages_on_a_phone(self):
        """At a phone's width, the unit's page, its upload's result, the board and the draft."""
        self.driver.set_window_size(390, 844)
        unit = "h-nga-son"
        self.log_in(unit, self.accounts[unit]["mat_khau_ban_dau"], "Mat-khau-moi-2020!")
        self.fits_the_screen("dien-thoai-don-vi")
        self.upload(os.path.join(ROOT, "examples", "thanh-hoa-2020", f"{unit}.yaml"))
        self.fits_the_screen("dien-thoai-ket-qua-nop")
        self.click_and_wait("form[action='/dang-xuat'] button")
        self.log_in("quan-tri", self.server.admin_password, "Quan-tri-moi-2020!")
        self.open("/tong-hop")
        self.fits_the_screen("dien-thoai-bang-tong-hop")
        self.open("/du-thao?nguon=moi-nhat")
        self.fits_the_screen("dien-thoai-du-thao")

    def fits_the_screen(self, name):
        """Nothing wider than the screen but the tables' own scrolling boxes."""
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        inner = self.driver.execute_script("return window.innerWidth")
        self.assertLessEqual(width, inner + 1, name)
        self.screenshot(name)


if __name__ == "__main__":
    unittest.main()
