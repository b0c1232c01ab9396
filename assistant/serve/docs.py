"""/docs with no outside request: Swagger UI's files come from the swagger-ui-bundle package.

FastAPI's own /docs (and /redoc) load their JavaScript and CSS from a CDN, so they
are blank offline, this product's normal condition. This is FastAPI's documented
self-hosting recipe, with the files taken from a pip package instead of copied in.
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def serve_docs(app: FastAPI) -> None:
    """Mount Swagger UI's files at /docs-assets and serve /docs from them (the app is made with docs_url=None)."""
    import swagger_ui_bundle

    app.mount(ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")
    redirect = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title} – API",
                                   swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
                                   oauth2_redirect_url=redirect)

    @app.get(redirect, include_in_schema=False)
    def oauth2_redirect():
        return get_swagger_ui_oauth2_redirect_html()
