"""The deterministic synthetic caseload (``officer-app demo``, the tests, the benchmarks)."""

from officer_app.demo.generator import DemoResult, populate
from officer_app.demo.names import DEMO_OFFICER_NAME

__all__ = ["DEMO_OFFICER_NAME", "DemoResult", "populate"]
