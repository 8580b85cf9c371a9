"""Shared test configuration: hypothesis settings profiles and the quote attributor fixture.

``HYPOTHESIS_PROFILE=ci`` (the default) is quick and repeatable; ``thorough`` (the nox
``thorough`` session) runs many more examples with a fresh random seed each time.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor

settings.register_profile(
    "ci",
    max_examples=30,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def attributor() -> QuoteAttributor:
    """The built-in quote extractor over the built-in tables, built once (as a pipeline does)."""
    return QuoteAttributor(Pipeline(autoload=False).language_data)
