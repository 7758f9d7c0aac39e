"""A small HTTP client for the web tests and the load benchmark: a logged-in page session (cookies,
the CSRF field read from the page as a browser would) and the bearer-token API."""

import http.client
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class PageSession:
    """A browser-like session: one cookie jar, forms posted with the page's own CSRF field."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.status, response.geturl(), response.read()

    def post_form(self, page, action, fields):
        """GETs `page`, takes its `csrf` field, and POSTs `fields` to `action`."""
        _, _, body = self.get(page)
        match = re.search(rb'name="csrf"\s+value="([^"]+)"', body) or re.search(rb'value="([^"]+)"\s+name="csrf"', body)
        data = dict(fields)
        if match:
            data["csrf"] = match.group(1).decode()
        encoded = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.base + action, data=encoded, timeout=120) as response:
            return response.status, response.geturl(), response.read()

    def log_in(self, login, password, new_password=None):
        _, url, _ = self.post_form("/dang-nhap", "/dang-nhap", {"ten_dang_nhap": login, "mat_khau": password})
        if "/doi-mat-khau" in url and new_password:
            self.post_form("/doi-mat-khau", "/doi-mat-khau",
                           {"mat_khau_cu": password, "mat_khau_moi": new_password, "nhap_lai": new_password})
        return self


def api(base, method, path, token=None, body=None, content_type="application/yaml", timeout=120):
    """One API call on a fresh connection; returns (status, parsed JSON or raw bytes)."""
    parsed = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    headers = {}
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        headers["Content-Type"] = content_type
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        kind = response.getheader("Content-Type") or ""
        return response.status, (json.loads(raw) if "json" in kind and raw else raw)
    finally:
        connection.close()


def multipart(files):
    """A multipart/form-data body of (field, filename, bytes) triples; returns (body, content type)."""
    boundary = "tongket-" + uuid.uuid4().hex
    parts = []
    for field, name, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary
