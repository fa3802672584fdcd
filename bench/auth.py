#!/usr/bin/env python3
"""Login (Argon2 included) and authenticated page views against a release
build serving the demo on SQLite. Prints p50/p99 per kind of request.
Usage: bench/auth.py [logins] [views]   (run from the repository root)"""
import http.client, os, re, socket, statistics, subprocess, sys, tempfile, time, urllib.parse

logins = int(sys.argv[1]) if len(sys.argv) > 1 else 40
views = int(sys.argv[2]) if len(sys.argv) > 2 else 400
subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "traject"], check=True)
binary = os.path.abspath("target/release/traject")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
data = tempfile.mkdtemp(prefix="traject-bench-")
env = dict(os.environ, TRAJECT_BIND=f"127.0.0.1:{port}", TRAJECT_LOG_LEVEL="warn")
server = subprocess.Popen([binary, "serve", "--demo"], cwd=data, env=env, stderr=subprocess.DEVNULL)
try:
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.05)

    def request(method, path, body=None, cookie=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        if cookie:
            headers["Cookie"] = cookie
        start = time.perf_counter()
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        payload = r.read()
        elapsed = (time.perf_counter() - start) * 1000
        return r, payload, elapsed

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    form = urllib.parse.urlencode({"login": "casemanager1@demostad.example", "password": "Demostad-oefenen-2026"})
    times, cookie = [], None
    for _ in range(logins):
        r, _, ms = request("POST", "/login", form)
        assert r.status == 303, r.status
        cookie = r.getheader("Set-Cookie").split(";")[0]
        times.append(ms)
    print(f"login (Argon2id, new session, audit entry)   p50 {pct(times, 50):6.1f} ms   p99 {pct(times, 99):6.1f} ms   ({logins} logins)")

    _, listing, _ = request("GET", "/participants", cookie=cookie)
    pid = re.search(rb'href="/participants/([0-9a-f-]+)"', listing).group(1).decode()
    for label, path in [("dashboard (session check)", "/dashboard"), ("participant file (policy + audited read)", f"/participants/{pid}")]:
        times = []
        for _ in range(views):
            r, _, ms = request("GET", path, cookie=cookie)
            assert r.status == 200, (path, r.status)
            times.append(ms)
        print(f"{label:<45}p50 {pct(times, 50):6.1f} ms   p99 {pct(times, 99):6.1f} ms   ({views} views)")
finally:
    server.terminate()
    server.wait()
