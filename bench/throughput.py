"""Requests per second for a module page under gunicorn (2 workers, loopback), anonymous and
signed in, against a bare Django view returning the same bytes, in the same run.

Run: .venv/bin/python bench/throughput.py [--seconds 10] [--clients 8] [--databases sqlite,postgresql]
[--rounds 5] (the scenarios taking turns, for a machine whose load drifts)
Each database in turn: a fresh SQLite file, and a temporary PostgreSQL database on
127.0.0.1:5432 (user postgres, trust), dropped afterwards. Traffic goes only to 127.0.0.1,
and every loop stops after --seconds."""

import argparse
import http.client
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import gunicorn, manage, prepare, production_env, temporary_postgres  # noqa: E402

MODULE = "/uk/courses/peer-educator-basic-course/hiv/"
ACCEPT_ENCODING = "gzip, deflate, br"  # what Chromium sends; every scenario gets it


def request(port, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)  # a busy machine
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def sign_in(port):
    """Log in as the demo trainee through the real form; return the Cookie header."""
    response, html = request(port, "GET", "/uk/accounts/login/")
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    body = f"csrfmiddlewaretoken={token}&username=trainee-demo&password=conecta-demo-2026"
    headers = {"Cookie": f"csrftoken={csrf_cookie}", "Content-Type": "application/x-www-form-urlencoded"}
    response, _ = request(port, "POST", "/uk/accounts/login/", headers, body)
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie")).group(1)
    assert response.status == 302, "login failed"
    return f"sessionid={session}; csrftoken={csrf_cookie}"


def load(port, path, headers, seconds, clients):
    """`clients` keep-alive connections asking for `path` for `seconds`; (req/s, errors)."""
    counts, errors, deadline = [0] * clients, [0] * clients, time.monotonic() + seconds

    def worker(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    counts[index] += 1
                else:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds, sum(errors)


def run(database_url, args) -> tuple[dict, int, int]:
    """The three scenarios against one database: {name: (req/s, errors)}, page bytes as
    generated and as sent."""
    workdir = Path(tempfile.mkdtemp(prefix="elearn-throughput-"))
    env = production_env(DATABASE_URL=database_url, BENCH_BARE_BODY=str(workdir / "bare.html"))
    prepare({**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"})
    manage("collectstatic", "--noinput", env=env)

    with gunicorn(env) as port:
        _, page = request(port, "GET", MODULE)
        _, sent = request(port, "GET", MODULE, {"Accept-Encoding": ACCEPT_ENCODING})
        (workdir / "bare.html").write_bytes(page)
        cookie = sign_in(port)
        accept = {"Accept-Encoding": ACCEPT_ENCODING}
        scenarios = [
            ("bare Django view, same bytes", "/bench/bare/", accept),
            ("module page, anonymous", MODULE, accept),
            ("module page, signed in", MODULE, {**accept, "Cookie": cookie}),
        ]
        for _name, path, headers in scenarios:
            load(port, path, headers, 1, args.clients)  # warm up
        # On a shared machine the load from other jobs drifts: with --rounds N each scenario
        # runs N times for seconds/N in turn, so all three see the same conditions.
        totals = {name: [0.0, 0] for name, _path, _headers in scenarios}
        for _round in range(args.rounds):
            for name, path, headers in scenarios:
                rps, errors = load(port, path, headers, args.seconds / args.rounds, args.clients)
                totals[name][0] += rps / args.rounds
                totals[name][1] += errors
        results = {name: tuple(total) for name, total in totals.items()}
    return results, len(page), len(sent)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql")
    parser.add_argument("--rounds", type=int, default=1, help="interleave the scenarios in N turns each")
    args = parser.parse_args()

    print(
        f"gunicorn 2 workers, {args.clients} clients, {args.seconds:.0f} s each in {args.rounds} round(s), "
        f"Accept-Encoding: {ACCEPT_ENCODING}, {MODULE}"
    )
    for database in args.databases.split(","):
        if database == "postgresql":
            with temporary_postgres() as url:
                results, size, sent = run(url, args)
        else:
            sqlite = f"sqlite:///{tempfile.mkdtemp(prefix='elearn-bench-')}/bench.sqlite3"
            results, size, sent = run(sqlite, args)
        bare_rps = results["bare Django view, same bytes"][0]
        print(f"database {database}: page {size} B, {sent} B on the wire")
        for name, (rps, errors) in results.items():
            print(f"  {name:32} {rps:8.1f} req/s  ratio {rps / bare_rps:5.2f}  errors {errors}")


if __name__ == "__main__":
    main()
