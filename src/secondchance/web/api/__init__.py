"""The JSON API under ``/api/v1``: record relief and the services directory."""

from fastapi import APIRouter

from .papers import router as papers_router
from .petitions import router as petitions_router
from .plan import router as plan_router
from .relief import router as relief_router
from .services import router as services_router

API_PREFIX = "/api/v1"


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    router.include_router(relief_router)
    router.include_router(services_router)
    router.include_router(papers_router)
    router.include_router(plan_router)
    router.include_router(petitions_router)
    return router


__all__ = ["API_PREFIX", "api_router"]
