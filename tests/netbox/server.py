"""A real NetBox for the importer's tests, in a cache outside the clone.

NetBox 4.x needs Python 3.12, PostgreSQL and Redis. This script keeps
everything it needs in ``${XDG_CACHE_HOME:-~/.cache}/planner/netbox``:

- ``venv/``: Python 3.12 with the NetBox wheel (requirements.txt beside
  this file; minutes to install, once);
- ``root/``: the NetBox instance (``conf/configuration.py``, written here);
- ``migrated.dump``: the database after ``netbox migrate`` (eight minutes
  the first time) with a superuser and a v1 API token, so that later runs
  restore it in seconds.

Every run starts a throw-away PostgreSQL cluster and Redis in a temporary
folder and NetBox's server, all on 127.0.0.1 and free ports, and stops them
again: ``with running() as nb: ...`` from the tests, or from a shell
``python tests/netbox/server.py setup`` (build the cache and exit).

Stdlib only: it runs under planner's interpreter and drives NetBox's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements.txt"
TOKEN = "0123456789abcdef0123456789abcdef01234567"  # 40 characters, v1
PYTHONS = ("/root/.pyenv/versions/3.12.1/bin/python", "python3.12")
PG_BIN = ("/usr/local/bin", "/usr/lib/postgresql/15/bin")


def cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planner" / "netbox"


def log(message: str) -> None:
    print(f"[netbox] {message}", file=sys.stderr, flush=True)


class Unavailable(RuntimeError):
    """What the machine lacks for a real NetBox, said how to get it."""


def _python312() -> str:
    for candidate in (os.environ.get("PLANNER_PYTHON312"), *PYTHONS):
        if candidate and shutil.which(candidate):
            return str(shutil.which(candidate))
    raise Unavailable(
        "NetBox needs Python 3.12: install it (pyenv install 3.12) or set "
        "PLANNER_PYTHON312 to its interpreter"
    )


def _pg(tool: str) -> str:
    for folder in PG_BIN:
        path = Path(folder) / tool
        if path.exists():
            return str(path)
    found = shutil.which(tool)
    if found is None:
        raise Unavailable(
            f"PostgreSQL's {tool} is missing: install PostgreSQL "
            "(Debian: apt-get install postgresql)"
        )
    return found


def _redis() -> str:
    found = shutil.which("redis-server")
    if found is None:
        raise Unavailable(
            "redis-server is missing: `make redis` installs it when root "
            "(Debian: apt-get install redis-server)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str], **kw: object) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd[:3])} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
        )


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def _venv() -> Path:
    """The NetBox virtual environment, (re)built when requirements change."""
    venv = cache() / "venv"
    stamp = venv / ".installed"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return venv
    log(f"installing NetBox into {venv} (minutes, once)")
    started = time.monotonic()
    shutil.rmtree(venv, ignore_errors=True)
    _run([_python312(), "-m", "venv", str(venv)])
    py = str(venv / "bin" / "python")
    _run([py, "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)])
    stamp.write_text(wanted)
    log(f"installed in {time.monotonic() - started:.0f} s")
    return venv


CONFIGURATION = """\
# Written by planner's tests/netbox/server.py: a NetBox for tests, on loopback.
import os

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": {
    "NAME": "netbox", "USER": "netbox", "PASSWORD": "",
    "HOST": "127.0.0.1", "PORT": os.environ["PLANNER_NB_PGPORT"],
    "CONN_MAX_AGE": 300,
}}
REDIS = {
    "tasks": {"HOST": "127.0.0.1", "PORT": int(os.environ["PLANNER_NB_REDIS"]),
              "USERNAME": "", "PASSWORD": "", "DATABASE": 0, "SSL": False},
    "caching": {"HOST": "127.0.0.1", "PORT": int(os.environ["PLANNER_NB_REDIS"]),
                "USERNAME": "", "PASSWORD": "", "DATABASE": 1, "SSL": False},
}
SECRET_KEY = "planner-tests-not-a-secret-planner-tests-not-a-secret-0123"
API_TOKEN_PEPPERS = {1: "planner-tests-pepper-planner-tests-pepper-planner-tests"}
MAX_PAGE_SIZE = 1000
LOGIN_REQUIRED = True
DEBUG = False
"""


def _root() -> Path:
    root = cache() / "root"
    conf = root / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "__init__.py").write_text("")
    (conf / "configuration.py").write_text(CONFIGURATION)
    return root


@dataclass
class NetBox:
    url: str
    token: str
    # NetBox's management command (``[python, -m, netbox]``), its
    # environment and psql's connection arguments, for benchmarks/bench_netbox.py
    manage: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    pg_args: list[str] = field(default_factory=list)


def save_database(nb: NetBox, path: Path) -> None:
    """Dump the running NetBox's database to ``path`` (``pg_dump -Fc``),
    which :func:`running` can start from again."""
    partial = path.with_suffix(".partial")
    _run([_pg("pg_dump"), *nb.pg_args, "-Fc", "-f", str(partial)])
    partial.replace(path)


class _Cluster:
    """A throw-away PostgreSQL cluster and Redis on loopback."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pgdata = folder / "pg"
        self.pgport = _free_port()
        self.redis_port = _free_port()
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self) -> None:
        self.folder.chmod(0o755)
        self.pgdata.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.pgdata, "postgres", "postgres")
        _run(
            [
                *_as_postgres(),
                _pg("initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                "netbox",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        )
        _run(
            [
                *_as_postgres(),
                _pg("pg_ctl"),
                "-D",
                str(self.pgdata),
                "-w",
                "-l",
                str(self.pgdata / "log"),
                "-o",
                f"-c listen_addresses=127.0.0.1 -p {self.pgport} "
                f"-k {self.pgdata} -c fsync=off",
                "start",
            ]
        )
        _run(
            [
                _pg("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pgport),
                "-U",
                "netbox",
                "netbox",
            ]
        )
        redis = subprocess.Popen(
            [
                _redis(),
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.procs.append(redis)

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if (self.pgdata / "postmaster.pid").exists():
            subprocess.run(
                [
                    *_as_postgres(),
                    _pg("pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                check=False,
            )

    def env(self, root: Path) -> dict[str, str]:
        return {
            **os.environ,
            "NETBOX_ROOT": str(root),
            "PLANNER_NB_PGPORT": str(self.pgport),
            "PLANNER_NB_REDIS": str(self.redis_port),
        }

    def pg_args(self) -> list[str]:
        return [
            "-h",
            "127.0.0.1",
            "-p",
            str(self.pgport),
            "-U",
            "netbox",
            "-d",
            "netbox",
        ]


SEED_ADMIN = f"""
from users.models import Token, User
user = User.objects.create_superuser("admin", "admin@example.invalid", "admin")
Token.objects.create(user=user, version=1, token="{TOKEN}", write_enabled=True)
"""


SET_TOKEN = f"UPDATE users_token SET plaintext = '{TOKEN}' WHERE id = 1 AND version = 1"


def _migrated_dump(venv: Path, root: Path) -> Path:
    """The database after ``netbox migrate`` with the admin and its token;
    made once (minutes), kept in the cache."""
    dump = cache() / "migrated.dump"
    if dump.exists():
        return dump
    log("migrating a new NetBox database (about eight minutes, once)")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planner-netbox-") as tmp:
        cluster = _Cluster(Path(tmp))
        try:
            cluster.start()
            env = cluster.env(root)
            nb = [str(venv / "bin" / "python"), "-m", "netbox"]
            _run([*nb, "migrate", "--no-input"], env=env)
            _run([*nb, "shell", "--no-imports", "-c", SEED_ADMIN], env=env)
            partial = dump.with_suffix(".partial")
            _run([_pg("pg_dump"), *cluster.pg_args(), "-Fc", "-f", str(partial)])
            partial.replace(dump)
        finally:
            cluster.stop()
    log(f"migrated in {time.monotonic() - started:.0f} s")
    return dump


def setup() -> tuple[Path, Path, Path]:
    """Build what is missing of the cache: venv, instance, database dump."""
    _python312(), _pg("initdb"), _redis()  # fail early, with the hint
    venv = _venv()
    root = _root()
    return venv, root, _migrated_dump(venv, root)


def _wait(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"NetBox exited with {proc.returncode}")
        try:
            req = urllib.request.Request(
                f"{url}/api/status/", headers={"Authorization": f"Token {TOKEN}"}
            )
            with urllib.request.urlopen(req, timeout=5) as response:
                json.load(response)
                return
        except urllib.error.HTTPError as e:
            if e.code in (401, 403):
                raise RuntimeError(
                    f"NetBox refuses the test token: {e.read()!r}"
                ) from None
            time.sleep(0.5)
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"NetBox did not answer on {url} within {timeout:.0f} s")


@contextlib.contextmanager
def running(dump: Path | None = None) -> Iterator[NetBox]:
    """A fresh NetBox from the migrated dump (or ``dump``, one made by
    :func:`save_database`), stopped on exit."""
    venv, root, migrated = setup()
    dump = dump or migrated
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planner-netbox-") as tmp:
        cluster = _Cluster(Path(tmp))
        server: subprocess.Popen[bytes] | None = None
        logfile = None
        try:
            cluster.start()
            _run([_pg("pg_restore"), *cluster.pg_args(), "--no-owner", str(dump)])
            # the admin's v1 token, whatever the dump holds
            _run([_pg("psql"), *cluster.pg_args(), "-qc", SET_TOKEN])
            port = _free_port()
            logfile = (Path(tmp) / "netbox.log").open("wb")
            server = subprocess.Popen(
                [
                    str(venv / "bin" / "python"),
                    "-m",
                    "netbox",
                    "runserver",
                    f"127.0.0.1:{port}",
                    "--noreload",
                    "--insecure",
                ],
                env=cluster.env(root),
                stdout=logfile,
                stderr=subprocess.STDOUT,
            )
            url = f"http://127.0.0.1:{port}"
            try:
                _wait(url, server, 180)
            except RuntimeError:
                logfile.flush()
                sys.stderr.write((Path(tmp) / "netbox.log").read_text()[-3000:])
                raise
            log(f"NetBox up at {url} in {time.monotonic() - started:.1f} s")
            yield NetBox(
                url,
                TOKEN,
                [str(venv / "bin" / "python"), "-m", "netbox"],
                cluster.env(root),
                cluster.pg_args(),
            )
        finally:
            if server is not None:
                server.terminate()
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
            if logfile is not None:
                logfile.close()
            cluster.stop()


def main() -> int:
    if sys.argv[1:] == ["setup"]:
        try:
            setup()
        except Unavailable as e:
            log(str(e))
            return 2
        return 0
    if sys.argv[1:] == ["check"]:  # start, answer, stop
        with running() as nb:
            print(nb.url)
        return 0
    print("usage: server.py setup|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
