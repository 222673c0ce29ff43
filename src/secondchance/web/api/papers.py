"""API: court papers (PA dockets and court summaries, CA RAP sheets) read into a record.

Nothing uploaded is kept after the answer."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...papers.merge import merge, reading_json
from ...papers.pdf import MAX_BYTES
from ...papers.reading import DocumentRefused
from ...papers.registry import read_document_bytes
from ..settings import Settings
from .problems import INVALID_REQUEST, ApiProblem, FieldError, Problem

router = APIRouter(tags=["records"])

#: At most this many documents per request (one person's dockets and summary).
MAX_DOCUMENTS = 10

DOCUMENTS_BODY = {
    "requestBody": {
        "required": True,
        "description": f"multipart/form-data: one to {MAX_DOCUMENTS} files in the field `document` "
        "(PA docket sheets and court summaries as PDF, CA RAP sheets as PDF or text), "
        f"each at most {MAX_BYTES:,} bytes. Nothing is kept after the response.",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["document"],
                    "properties": {"document": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                }
            }
        },
    }
}


@router.post(
    "/records/read",
    summary="Read court papers into a record: every value with its place, what was not read, and disagreements",
    responses={
        422: {"model": Problem, "description": "A document was refused (the reason is in `detail`) or none sent."},
        413: {"model": Problem, "description": "The request body is too large."},
    },
    openapi_extra=DOCUMENTS_BODY,
)
async def read_records(request: Request) -> Any:
    settings: Settings = request.app.state.settings
    form = await request.form(max_files=MAX_DOCUMENTS, max_fields=5)
    try:
        uploads = [item for item in form.getlist("document") if isinstance(item, UploadFile)]
        if not uploads:
            raise _problem("document", "send one or more files in the multipart field `document`")
        documents: list[tuple[bytes, str]] = []
        for upload in uploads:
            data = await upload.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise _problem("document", f"{upload.filename}: larger than {MAX_BYTES:,} bytes")
            documents.append((data, upload.filename or "document"))
    finally:
        await form.close()
    try:
        readings = await asyncio.wait_for(
            run_in_threadpool(lambda: [read_document_bytes(data, name) for data, name in documents]),
            settings.request_seconds,
        )
    except DocumentRefused as error:
        raise _problem("document", f"{error.file}: {error.reason}") from None
    except TimeoutError:
        raise ApiProblem(503, "Service Unavailable", "Reading took too long; retry later.") from None
    return reading_json(merge(readings))


def _problem(field: str, detail: str) -> ApiProblem:
    return ApiProblem(
        422,
        "The document cannot be read",
        detail,
        [FieldError(field=field, where="body", detail=detail)],
        type=INVALID_REQUEST,
    )
