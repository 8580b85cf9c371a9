"""Test tools for plugin authors: hypothesis strategies and extractor contract checks."""
