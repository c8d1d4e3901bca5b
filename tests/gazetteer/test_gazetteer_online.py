"""Online geocoders against a real HTTP server on 127.0.0.1 that answers like Nominatim."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from gazetteer.errors import (
    GeocoderConfigurationError,
    GeocoderError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from gazetteer.online import OnlineGeocoder

UA = "chronoatlas-tests/0.1 (tests@example.org)"

ANSWERS = {
    "zorgvliet upon tyne": [{
        "place_id": 1, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "node", "osm_id": 42, "lat": "54.9700000", "lon": "-1.6100000",
        "class": "place", "type": "village", "place_rank": 19, "importance": 0.31,
        "addresstype": "village", "name": "Zorgvliet upon Tyne",
        "display_name": "Zorgvliet upon Tyne, Tyne and Wear, England, United Kingdom",
        "address": {"village": "Zorgvliet upon Tyne", "country": "United Kingdom",
                    "country_code": "gb"},
        "boundingbox": ["54.96", "54.98", "-1.62", "-1.60"],
    }],
}


class NominatimLike(BaseHTTPRequestHandler):
    requests: list[dict] = []
    delay = 0.0
    status = 200

    def do_GET(self):  # noqa: N802 - http.server naming
        url = urlparse(self.path)
        q = parse_qs(url.query)
        type(self).requests.append({"path": url.path, "q": q, "ua": self.headers.get("User-Agent"),
                                    "t": time.monotonic()})
        if self.delay:
            time.sleep(self.delay)
        if self.status != 200:
            self.send_response(self.status)
            self.end_headers()
            return
        body = json.dumps(ANSWERS.get(q.get("q", [""])[0].lower(), [])).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONOATLAS_GEOCODER_DIR", str(tmp_path))  # fresh answer cache + rate file
    NominatimLike.requests = []
    NominatimLike.delay = 0.0
    NominatimLike.status = 200
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), NominatimLike)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def make(domain, **kw):
    return OnlineGeocoder("nominatim", user_agent=kw.pop("user_agent", UA), domain=domain,
                          scheme="http", **kw)


@pytest.mark.parametrize("ua", [None, "", "geopy/2.4", "my-application", "python-requests/2"])
def test_real_user_agent_required(tmp_path, monkeypatch, ua):
    monkeypatch.setenv("CHRONOATLAS_GEOCODER_DIR", str(tmp_path))
    with pytest.raises(GeocoderConfigurationError) as info:
        OnlineGeocoder("nominatim", user_agent=ua)
    assert isinstance(info.value, ValueError)


def test_unknown_service_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONOATLAS_GEOCODER_DIR", str(tmp_path))
    with pytest.raises(GeocoderConfigurationError, match="no-such-service"):
        OnlineGeocoder("no-such-service", user_agent=UA)


def test_geocode_sends_user_agent_and_reads_answer(server):
    cands = make(server).geocode("Zorgvliet upon Tyne")
    assert [(c.name, c.country, c.kind) for c in cands] == [("Zorgvliet upon Tyne", "GB", "village")]
    assert cands[0].lat == pytest.approx(54.97)
    (req,) = NominatimLike.requests
    assert req["path"] == "/search" and req["ua"] == UA
    assert req["q"]["addressdetails"] == ["1"]


def test_answers_are_cached_persistently(server):
    make(server).geocode("Zorgvliet upon Tyne")
    make(server).geocode("Zorgvliet upon Tyne")  # a new instance: as another process would
    assert len(NominatimLike.requests) == 1


def test_one_request_per_second_across_instances(server):
    a, b = make(server), make(server)
    a.geocode("first place")
    b.geocode("second place")
    a.geocode("third place")
    times = [r["t"] for r in NominatimLike.requests]
    assert len(times) == 3
    assert all(t2 - t1 >= 0.95 for t1, t2 in zip(times, times[1:]))


def test_timeout(server):
    NominatimLike.delay = 1.5
    with pytest.raises(GeocoderTimedOut) as info:
        make(server, timeout=0.3).geocode("slow place")
    assert isinstance(info.value, TimeoutError)


def test_server_error(server):
    NominatimLike.status = 500
    with pytest.raises(GeocoderUnavailable) as info:
        make(server).geocode("broken place")
    assert isinstance(info.value, GeocoderError) and isinstance(info.value, ConnectionError)


def test_offline_result_kept_when_resolved(server, gaz):
    offline = gaz.resolve("Moscow")
    assert make(server).resolve("Moscow", offline=offline) is offline
    assert NominatimLike.requests == []


def _cli(server, *args):
    from gazetteer.cli import geocode

    return CliRunner().invoke(geocode, ["--json", "--geocoder", "nominatim", "--user-agent", UA,
                                        "--geocoder-domain", server, "--geocoder-scheme", "http",
                                        *args], catch_exceptions=False)


def test_cli_uses_online_answer_for_unresolved_names(server, gaz):
    result = _cli(server, "Zorgvliet upon Tyne", "Paris")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["status"] == "resolved" and rows[0]["best"]["country"] == "GB"
    assert rows[1]["best"]["country"] == "FR"
    assert len(NominatimLike.requests) == 1  # Paris resolved offline: not asked


def test_cli_falls_back_to_offline_with_a_message(server, gaz):
    NominatimLike.status = 503
    result = _cli(server, "Qwertzuiopland Vrxx")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["status"] == "unresolved"
    assert "using the offline result" in result.stderr


def test_cli_requires_user_agent(server, gaz):
    from gazetteer.cli import geocode

    result = CliRunner().invoke(geocode, ["--geocoder", "nominatim", "Moscow"])
    assert result.exit_code == 2
    assert "User-Agent" in result.output
