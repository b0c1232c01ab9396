"""The HTTP API (`assistant serve`): create_app(assistant) -> a FastAPI app."""
from assistant.serve.app import create_app

__all__ = ["create_app"]
