"""Account management in the browser's forms: admins only (the one permission check),
the same functions as ``chronoatlas users``, the CSRF token on every write."""
from __future__ import annotations

import re

from web.auth.accounts import authenticate
from web.store import get_store

PASSWORD = "correct horse battery"


def _token(client) -> str:
    with client.session_transaction() as s:
        return s["csrf"]


def _post(client, url, **form):
    return client.post(url, data={"csrf_token": _token(client), **form}, follow_redirects=True)


def _signs_in(app, name, password) -> bool:
    with get_store(app).session() as s:
        return authenticate(s, name, password, "test") is not None


def test_admin_lists_adds_resets_and_disables(app, client, auth):
    auth.login("ada")
    page = client.get("/studio/accounts/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "ed" in html and "ada" in html
    assert re.search(r'<label for="add-name">Name</label>', html)
    assert 'href="/studio/accounts/"' in client.get("/studio/").get_data(as_text=True)

    r = _post(client, "/studio/accounts/", name="noor", role="editor", password="a long password")
    assert "Added editor noor." in r.get_data(as_text=True)
    assert _signs_in(app, "noor", "a long password")

    r = _post(client, "/studio/accounts/", name="noor", role="editor", password="a long password")
    assert "Not done: a user called &#39;noor&#39; exists already." in r.get_data(as_text=True)
    r = _post(client, "/studio/accounts/", name="short", role="editor", password="short")
    assert "Not done: a password needs 8" in r.get_data(as_text=True)
    r = _post(client, "/studio/accounts/", name="x", role="owner", password="a long password")
    assert "Not done: role must be one of" in r.get_data(as_text=True)

    r = _post(client, "/studio/accounts/noor/password", password="another long one")
    assert "Password of noor reset" in r.get_data(as_text=True)
    assert _signs_in(app, "noor", "another long one") and not _signs_in(app, "noor", "a long password")

    r = _post(client, "/studio/accounts/noor/disabled", disabled="1")
    assert "noor disabled" in r.get_data(as_text=True)
    assert not _signs_in(app, "noor", "another long one")
    r = _post(client, "/studio/accounts/noor/disabled", disabled="0")
    assert "noor enabled" in r.get_data(as_text=True) and _signs_in(app, "noor", "another long one")

    r = _post(client, "/studio/accounts/nobody/password", password="another long one")
    assert "Not done: no user called &#39;nobody&#39;" in r.get_data(as_text=True)
    r = _post(client, "/studio/accounts/ada/disabled", disabled="1")
    assert "cannot disable your own account" in r.get_data(as_text=True)
    assert _signs_in(app, "ada", PASSWORD)


def test_editors_may_not_manage_accounts(app, client, auth):
    auth.login("ed")
    assert client.get("/studio/accounts/").status_code == 403
    assert 'href="/studio/accounts/"' not in client.get("/studio/").get_data(as_text=True)
    r = client.post("/studio/accounts/", data={"csrf_token": _token(client), "name": "mal",
                                               "password": "a long password", "role": "admin"})
    assert r.status_code == 403
    r = client.post("/studio/accounts/ada/disabled", data={"csrf_token": _token(client)})
    assert r.status_code == 403 and _signs_in(app, "ada", PASSWORD)


def test_account_writes_need_the_csrf_token(app, client, auth):
    auth.login("ada")
    for url in ("/studio/accounts/", "/studio/accounts/ed/password", "/studio/accounts/ed/disabled"):
        r = client.post(url, data={"name": "z1", "password": "a long password", "disabled": "1"})
        assert r.status_code == 403, url
    assert _signs_in(app, "ed", PASSWORD)


def test_every_account_route_is_behind_the_one_permission_check(app):
    views = {rule.endpoint: app.view_functions[rule.endpoint] for rule in app.url_map.iter_rules()
             if rule.rule.startswith("/studio/accounts")}
    assert len(views) == 4
    assert {v.studio_action for v in views.values()} == {"manage-accounts"}
