"""The web app and REST API (FastAPI): the interview, results, papers, plan and services pages.

It is an adapter at the edge: it calls the domain packages and ``store``, and is built by
``secondchance.web.app.create_app`` (``secondchance serve`` runs it).
"""

__all__: list[str] = []
