"""Fuzz the built-in ``language`` extractor, called directly on bare and on upstream documents."""

from _harness import extractor_harness, main

test_one_input = extractor_harness("language")

if __name__ == "__main__":
    main(test_one_input)
