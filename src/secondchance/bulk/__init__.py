"""Bulk relief: the same rules as the explainer, compiled to Polars and run over a whole repository of charges.

``evaluate_codes``/``evaluate_frame`` screen a charge table in memory; ``run`` (``bulk.run``) reads,
partitions, screens and commits a file of any size, resumably, locally or on Spark.
"""

from .evaluate import evaluate_codes, evaluate_frame, result_codes
from .schema import CHARGE_SCHEMA, CODE_SCHEMA, RESULT_SCHEMA

__all__ = ["CHARGE_SCHEMA", "CODE_SCHEMA", "RESULT_SCHEMA", "evaluate_codes", "evaluate_frame", "result_codes"]
