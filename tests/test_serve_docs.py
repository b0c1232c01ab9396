"""/docs renders with no outside request: its HTML names no other host and its files come from the server."""
from __future__ import annotations

import re

import httpx

from test_serve import Served

from assistant.serve import create_app


def test_docs_page_and_its_assets_are_served_locally(seeded):
    with Served(create_app(seeded, key="k")) as served, httpx.Client(base_url=served.url, timeout=60) as http:
        page = http.get("/docs")  # open like FastAPI's own /docs, even with a key
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        html = page.text
        assert not re.search(r"(https?:)?//[\w.-]+\.\w+", html), "the docs page refers to another host"
        assets = re.findall(r"""(?:src|href)=["'](/[^"']+)["']""", html)
        assert {a.rsplit("/", 1)[-1] for a in assets} >= {"swagger-ui-bundle.js", "swagger-ui.css"}
        for asset in assets:
            got = http.get(asset)
            assert got.status_code == 200 and len(got.content) > 500, asset
        bundle = http.get(next(a for a in assets if a.endswith(".js")))
        assert "javascript" in bundle.headers["content-type"] and "SwaggerUIBundle" in bundle.text
        assert re.search(r"""url: ?['"]/openapi\.json['"]""", html)
        assert http.get("/openapi.json").json()["info"]["title"] == "Report assistant"
        assert http.get("/redoc").status_code == 404  # ReDoc only exists from a CDN: not offered
