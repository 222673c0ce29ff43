"""The web pages: server-rendered, working without JavaScript, in English and Spanish."""

from fastapi import APIRouter

from .render import STATIC_DIR, TEMPLATES_DIR


def ui_router() -> APIRouter:
    from .pages import router
    from .petitions import router as petitions_router
    from .plan import router as plan_router
    from .services import router as services_router
    from .upload import router as upload_router

    combined = APIRouter()
    combined.include_router(router)
    combined.include_router(services_router)
    combined.include_router(upload_router)
    combined.include_router(plan_router)
    combined.include_router(petitions_router)
    return combined


__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "ui_router"]
