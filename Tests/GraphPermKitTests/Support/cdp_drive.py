#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe), as a user would use a page.

    cdp_drive.py CHROMIUM type URL TEXT SCREENSHOT
        Loads URL, clicks the header search box (#q), types TEXT key by key, waits for the suggestions list
        (#suggestions) to fill, saves a screenshot, prints {"suggestions": [{"kind", "label", "href"}, ...],
        "hasMarkupFromInput": bool} on stdout.
    cdp_drive.py CHROMIUM upload URL FILE SCREENSHOT
        Loads URL (the need form), sets FILE on the file input (#har) as the file picker would, clicks the submit
        button, waits for the answer page, saves a screenshot, prints {"url", "text", "html"} of that page.

Standard library only. Exit 2 when the browser does not answer in time; messages on stderr.
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (answers out), NUL-separated JSON."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="cdp-profile-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        def give_fds():
            # Copies first: a pipe end may already be fd 3 or 4, and dup2 onto itself keeps close-on-exec.
            command_in, answer_out = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(command_in, 3)
            os.dup2(answer_out, 4)
        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--hide-scrollbars", "--no-first-run", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
             "--window-size=1280,900"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=give_fds, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from the browser")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_event(self, name, timeout=30):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == name:
                    del self.events[index]
                    return event
            self.events.append(self.read(deadline))

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def click(self, selector):
        box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})

    def type(self, text):
        for character in text:
            self.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": character, "key": character,
                                                 "unmodifiedText": character})
            self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": character})
            time.sleep(0.03)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.session = None
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        subprocess.run(["rm", "-rf", self.profile])


SUGGESTIONS = ("[...document.querySelectorAll('#suggestions a')].map(a => ({kind: a.querySelector('.kind')"
               " ? a.querySelector('.kind').textContent : '', label: a.childNodes.length > 1 ?"
               " a.childNodes[1].textContent : a.textContent, href: a.getAttribute('href')}))")


def type_search(browser, url, text, screenshot):
    browser.open(url)
    browser.click("#q")
    browser.type(text)
    suggestions = []
    deadline = time.time() + 10
    while time.time() < deadline:
        suggestions = browser.evaluate(SUGGESTIONS) or []
        if suggestions:
            break
        time.sleep(0.1)
    # Wait out the debounce once more so that a late answer for a shorter prefix cannot be what was read.
    time.sleep(0.4)
    suggestions = browser.evaluate(SUGGESTIONS) or []
    markup = browser.evaluate("document.querySelectorAll('#suggestions img, #suggestions script').length > 0")
    browser.screenshot(screenshot)
    return {"suggestions": suggestions, "hasMarkupFromInput": bool(markup),
            "typed": browser.evaluate("document.getElementById('q').value")}


def upload(browser, url, path, screenshot):
    browser.open(url)
    document = browser.send("DOM.getDocument")["root"]["nodeId"]
    node = browser.send("DOM.querySelector", {"nodeId": document, "selector": "#har"})["nodeId"]
    browser.send("DOM.setFileInputFiles", {"files": [os.path.abspath(path)], "nodeId": node})
    browser.click("form[action='/need'] button[type=submit]")
    browser.wait_event("Page.loadEventFired")
    page = {"url": browser.evaluate("location.href"), "text": browser.evaluate("document.body.innerText"),
            "html": browser.evaluate("document.documentElement.outerHTML")}
    browser.screenshot(screenshot)
    return page


def main(arguments):
    if len(arguments) != 5 or arguments[1] not in ("type", "upload"):
        print(__doc__, file=sys.stderr)
        return 64
    chromium, mode, url, value, screenshot = arguments
    browser = Browser(chromium)
    try:
        result = (type_search if mode == "type" else upload)(browser, url, value, screenshot)
    except (TimeoutError, RuntimeError) as error:
        print(f"cdp_drive.py: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
