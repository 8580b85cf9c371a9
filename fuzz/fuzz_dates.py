"""Fuzz the built-in ``dates`` extractor, called directly on bare and on upstream documents."""

from _harness import extractor_harness, main

test_one_input = extractor_harness("dates")

if __name__ == "__main__":
    main(test_one_input)
