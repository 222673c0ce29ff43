"""The web pages: server-rendered, working without JavaScript, in English and Spanish."""

from fastapi import APIRouter

from .render import STATIC_DIR, TEMPLATES_DIR


def ui_router() -> APIRouter:
    from .pages import router

    return router


__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "ui_router"]
