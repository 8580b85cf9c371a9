"""Registers quotekit's types with hypothesis through its entry point, without quotekit importing hypothesis."""


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis when it is imported."""
