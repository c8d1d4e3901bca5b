"""Accounts and the write gate: every state-changing route in the URL map refuses a
cookie request without the CSRF token; signed out, studio pages redirect to sign-in and
the studio API answers 401 JSON."""
from __future__ import annotations

import re

from web.auth.accounts import set_disabled, reset_password
from web.auth.passwords import check_password, hash_password
from web.store import get_store

SAFE = {"GET", "HEAD", "OPTIONS"}


def concrete(rule) -> str:
    """A URL for a rule: 1 for every int converter, a word for the rest."""
    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>",
                  lambda m: "1" if m.group(1) == "int" else "x", rule.rule)


def writes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - SAFE):
            yield method, rule


def studio_pages(app):
    return [r for r in app.url_map.iter_rules() if r.rule.startswith("/studio")
            and "GET" in r.methods]


def test_every_state_changing_route_refuses_a_missing_csrf_token(app, client, auth):
    auth.login()
    found = list(writes(app))
    assert len(found) >= 12  # login, logout, create, put, restore, publish, unpublish, ...
    rules = {rule.rule for _method, rule in found}
    # the editor's helpers and the account forms are writes like any other
    assert {"/api/studio/markdown", "/api/studio/places", "/studio/accounts/",
            "/studio/accounts/<name>/password", "/studio/accounts/<name>/disabled"} <= rules
    for method, rule in found:
        r = client.open(concrete(rule), method=method, json={})
        assert r.status_code == 403, (method, rule.rule, r.status_code)
        r = client.open(concrete(rule), method=method, json={},
                        headers={"X-CSRF-Token": "forged"})
        assert r.status_code == 403, (method, rule.rule, r.status_code)


def test_signed_out_studio_pages_redirect_and_the_api_answers_401(app, client):
    pages = studio_pages(app)
    assert pages
    for rule in pages:
        r = client.get(concrete(rule))
        assert r.status_code == 302 and "/auth/login" in r.headers["Location"], rule.rule
    api = [r for r in app.url_map.iter_rules() if r.rule.startswith("/api/studio/")]
    assert len(api) >= 9
    for rule in api:
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            r = client.open(concrete(rule), method=method, json={})
            body = r.get_json()
            assert r.status_code == 401 and body == {
                "ok": False, "status": 401, "error": body["error"]}, (method, rule.rule)


def test_sign_in_sets_a_hardened_cookie_and_a_wrong_password_fails(client, auth):
    r = auth.login(password="wrong password")
    assert r.status_code == 401
    r = auth.login()
    assert r.status_code == 302
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert client.get("/studio/").status_code == 200


def test_cookie_is_secure_under_https(app):
    client = app.test_client()
    client.get("/auth/login", base_url="https://localhost")
    with client.session_transaction(base_url="https://localhost") as s:
        token = s["csrf"]
    r = client.post("/auth/login", base_url="https://localhost",
                    data={"name": "ed", "password": "correct horse battery", "csrf_token": token})
    assert "Secure" in r.headers["Set-Cookie"]


def test_sign_in_is_throttled(client, auth):
    for _ in range(5):
        assert auth.login(password="nope nope nope").status_code == 401
    r = auth.login()  # even the right password waits now
    assert r.status_code == 429 and r.headers["Retry-After"]


def test_disabled_and_reset_accounts_lose_their_sessions(app, client, auth):
    auth.login()
    assert client.get("/studio/").status_code == 200
    with get_store(app).session() as s:
        reset_password(s, "ed", "a new password")
    assert client.get("/studio/").status_code == 302
    auth.login(password="a new password")
    with get_store(app).session() as s:
        set_disabled(s, "ed")
    assert client.get("/studio/").status_code == 302
    assert auth.login(password="a new password").status_code == 401


def test_no_open_redirect_after_sign_in(client, auth):
    token = auth.csrf()
    r = client.post("/auth/login?next=//evil.example/", data={
        "name": "ed", "password": "correct horse battery", "csrf_token": token})
    assert r.headers["Location"] == "/studio/"


def test_passwords_are_scrypt_and_salted():
    a, b = hash_password("same password"), hash_password("same password")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert check_password(a, "same password") and not check_password(a, "other password")


def test_secret_key_is_generated_into_the_instance_folder(tmp_path):
    from web.auth.sessions import instance_secret_key
    key = instance_secret_key(str(tmp_path))
    assert len(key) == 64 and instance_secret_key(str(tmp_path)) == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_a_reader_request_writes_no_key_and_no_database(tmp_path):
    from web import create_app
    from web.samples import sample_story
    app = create_app({"STORIES": [sample_story()], "RESOLVE_PLACES": False})
    app.instance_path = str(tmp_path / "instance")
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/stories/nothing-here").status_code == 404
    assert not (tmp_path / "instance").exists()


def test_users_cli(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from web.cli import main
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("CHRONOATLAS_DATABASE_URL", url)
    runner = CliRunner()
    r = runner.invoke(main, ["users", "add", "kim", "--role", "admin", "--password-stdin"],
                      input="a long password\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["users", "add", "kim", "--password-stdin"], input="a long password\n")
    assert r.exit_code == 1 and "exists already" in r.output
    r = runner.invoke(main, ["users", "token", "kim"])
    assert r.exit_code == 0 and r.stdout.strip().splitlines()[-1].startswith("ca_")
    assert runner.invoke(main, ["users", "reset", "kim", "--password-stdin"],
                         input="another password\n").exit_code == 0
    assert runner.invoke(main, ["users", "disable", "kim"]).exit_code == 0
    r = runner.invoke(main, ["users", "add", "x", "--password-stdin"], input="short\n")
    assert r.exit_code == 1 and "8 to 1024" in r.output
